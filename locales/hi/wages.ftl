# The wage vocabulary: ledger entry kinds, kinds of hour, deduction kinds, payout methods and
# pay bases, by their stored codes. Words as in locales/GLOSSARY.md.

entry-kind-wage_earned = नग के हिसाब से मज़दूरी
entry-kind-sale_bonus = बिक्री बोनस
entry-kind-payout = किया गया भुगतान
entry-kind-adjustment = समायोजन
entry-kind-adjustment_approved = समायोजन स्वीकृत
entry-kind-adjustment_rejected = समायोजन अस्वीकृत
entry-kind-minimum_wage_top_up = न्यूनतम मज़दूरी की भरपाई
entry-kind-salary = मासिक वेतन या वृत्तिका
entry-kind-overtime_premium = ओवरटाइम की मज़दूरी
entry-kind-deduction = कटौती

hour-kind-production = उत्पादन
hour-kind-training = प्रशिक्षण
hour-kind-design = डिज़ाइन
hour-kind-rework = सुधार का काम
hour-kind-waiting = कच्चे माल की प्रतीक्षा
hour-kind-leave_paid = सवेतन छुट्टी
hour-kind-leave_unpaid = अवैतनिक छुट्टी
hour-kind-holiday = अवकाश का दिन

deduction-absence = ड्यूटी से अनुपस्थिति
deduction-advance_recovery = अग्रिम मज़दूरी की वसूली
deduction-loan_recovery = ऋण की किस्त
deduction-housing = दिया गया आवास
deduction-amenities = दी गई सुविधाएँ और सेवाएँ
deduction-income_tax = आयकर
deduction-court_order = न्यायालय का आदेश
deduction-provident_fund = भविष्य निधि (पीएफ)
deduction-social_security = सामाजिक सुरक्षा अंशदान

payout-method-bank = बैंक ट्रांसफ़र
payout-method-upi = यूपीआई
payout-method-cash = नकद

pay-basis-monthly_salary = मासिक वेतन
pay-basis-piece_rate = नग के हिसाब से, न्यूनतम मज़दूरी की गारंटी के साथ
pay-basis-trainee_stipend = प्रशिक्षु वृत्तिका
pay-basis-none = शर्तें दर्ज नहीं: न्यूनतम मज़दूरी की गारंटी के साथ नग के हिसाब से गिना गया
