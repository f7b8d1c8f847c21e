# The wage vocabulary: ledger entry kinds, kinds of hour, deduction kinds, payout methods and
# pay bases, by their stored codes. Words as in locales/GLOSSARY.md.

entry-kind-wage_earned = नगानुसार मजुरी
entry-kind-sale_bonus = विक्री बोनस
entry-kind-payout = दिलेली रक्कम
entry-kind-adjustment = समायोजन
entry-kind-adjustment_approved = समायोजन मंजूर
entry-kind-adjustment_rejected = समायोजन नामंजूर
entry-kind-minimum_wage_top_up = किमान वेतनाची भरपाई
entry-kind-salary = मासिक वेतन किंवा विद्यावेतन
entry-kind-overtime_premium = जादा कामाचे वेतन
entry-kind-deduction = कपात

hour-kind-production = उत्पादन
hour-kind-training = प्रशिक्षण
hour-kind-design = डिझाइन
hour-kind-rework = दुरुस्तीचे काम
hour-kind-waiting = कच्च्या मालाची प्रतीक्षा
hour-kind-leave_paid = पगारी रजा
hour-kind-leave_unpaid = बिनपगारी रजा
hour-kind-holiday = सुट्टीचा दिवस

deduction-absence = कामावर गैरहजेरी
deduction-advance_recovery = उचल (आगाऊ मजुरी) वसुली
deduction-loan_recovery = कर्जाचा हप्ता
deduction-housing = दिलेली निवास सुविधा
deduction-amenities = दिलेल्या सुविधा व सेवा
deduction-income_tax = आयकर
deduction-court_order = न्यायालयाचा आदेश
deduction-provident_fund = भविष्य निर्वाह निधी (पीएफ)
deduction-social_security = सामाजिक सुरक्षा अंशदान

payout-method-bank = बँक हस्तांतरण
payout-method-upi = यूपीआय
payout-method-cash = रोख

pay-basis-monthly_salary = मासिक वेतन
pay-basis-piece_rate = नगानुसार, किमान वेतनाच्या हमीसह
pay-basis-trainee_stipend = प्रशिक्षणार्थी विद्यावेतन
pay-basis-none = अटी नोंदवलेल्या नाहीत: किमान वेतनाच्या हमीसह नगानुसार धरले आहे
