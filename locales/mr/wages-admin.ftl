# /admin/wages खालील लेखा विभागाची पाने. शब्द locales/GLOSSARY.md प्रमाणे; रक्कम, तास आणि
# दिनांक आधीच मांडलेल्या स्वरूपात येतात.

## अनेक पानांवर वापरलेले
wages-back = मजुरी
wages-confidential-audited = गोपनीय: या पानावर कायदेशीर नावे दिसतात; प्रत्येक वेळी पाहिल्याची नोंद ऑडिट लॉगमध्ये होते.
wages-nothing-recorded = काहीही नोंदवले गेले नाही; कृपया खाली खूण केलेली क्षेत्रे दुरुस्त करा.
wages-required = (आवश्यक)
wages-choose = निवडा…
wages-show = दाखवा
wages-all-centers = सर्व केंद्रे
wages-label-center = केंद्र
wages-label-from-month = या महिन्यापासून (YYYY-MM)
wages-label-to-month = या महिन्यापर्यंत (YYYY-MM)
wages-artisan-option = { $alias } — { $legal_name } ({ $center }) — देय { $owed }
wages-none-recorded = नोंद नाही
wages-not-set = ठरवलेले नाही
wages-living-wage-not-checked = निर्वाह वेतन तपासलेले नाही
wages-below-legal-count = { $count } कायदेशीर किमान वेतनापेक्षा कमी
wages-below-living-count = { $count } निर्वाह वेतनापेक्षा कमी
wages-flag-below-legal = तासांनुसार कायदेशीर किमान वेतनापेक्षा कमी
wages-flag-below-living = तासांनुसार निर्वाह वेतनापेक्षा कमी
wages-flag-no-register-hours = हजेरी रजिस्टरमध्ये एकही तास नाही
wages-flag-paid-late = उशिरा दिले
wages-col-artisan = कारागीर
wages-col-legal-name = कायदेशीर नाव
wages-col-public-id = सार्वजनिक आयडी
wages-col-center = केंद्र
wages-col-month = महिना
wages-col-pay-basis = वेतनाचा आधार
wages-col-hours-worked = कामाचे तास
wages-col-overtime-hours = जादा कामाचे तास
wages-col-paid-leave-hours = पगारी रजेचे तास
wages-col-paid-hours = पगारी तास
wages-col-salary = वेतन
wages-col-piece-wages = नगानुसार मजुरी
wages-col-overtime-premium = जादा कामाचे अतिरिक्त वेतन
wages-col-paid-leave = पगारी रजा
wages-col-month-pay = महिन्याची मजुरी
wages-col-guaranteed = किमान वेतनाची हमी
wages-col-top-up = भरपाई
wages-col-top-up-due = देय भरपाई
wages-col-deductions = कपाती
wages-col-piece-hours-of-making = नगांवर लागलेले तास / घडणावळीचे तास
wages-col-income = बोनसशिवाय उत्पन्न
wages-col-legal-for-hours = तासांनुसार कायदेशीर किमान
wages-col-living-for-hours = तासांनुसार निर्वाह वेतन
wages-col-flags = इशारे
wages-col-sale-bonuses = विक्री बोनस
wages-col-pages = पाने
wages-col-pieces = नग
wages-col-hours-on-pieces = नगांवर लागलेले तास
wages-col-wages = मजुरी
wages-col-bonuses = बोनस
wages-col-adjustments = समायोजन
wages-col-paid = दिलेली रक्कम
wages-col-amount = रक्कम
wages-col-date = दिनांक
wages-col-reason = कारण
wages-col-total = एकूण
wages-caption-artisan-month = प्रत्येक कारागिराचा महिना

## महिन्याचा हिशेब बंद करणे (month.html)
wages-month-heading = महिन्याचा हिशेब बंद करणे: { $city }, { $month }
wages-month-closed = { $by } यांनी { $date } रोजी हिशेब बंद केला.
wages-month-closed-locked = { $month } मधील दिनांकाची कोणतीही नोंद आता करता येणार नाही; दुरुस्ती एखाद्या खुल्या महिन्यात, या महिन्याचा उल्लेख करून समायोजन म्हणून करावी.
wages-month-legal-min = कायदेशीर किमान वेतन दरमहा { $monthly }, { $hours } तासांसाठी (प्रति तास { $hourly }).
wages-month-guarantee = किमान वेतनाची हमी म्हणजे महिन्याचे पगारी तास (काम, पगारी रजा, सुट्टीचे दिवस) या दराने, जादा कामाचे तास दुप्पट धरून.
wages-month-by-month = मजुरी संपूर्ण महिन्याच्या हिशेबाने तपासली जाते, कधीही एकेका नगानुसार नाही.
wages-month-more-than-register = रजिस्टरपेक्षा जास्त
wages-month-top-ups = एकूण भरपाई
wages-month-empty = या महिन्यासाठी कोणतेही तास, नग किंवा रोजगाराच्या अटी नाहीत.
wages-month-cannot-close = { $month } चा हिशेब अजून बंद करता येत नाही:
wages-month-problem-hours = { $month } मध्ये स्वीकारलेल्या नगांवर { $alias } यांचे घडणावळीचे { $claimed } तास नोंदलेले आहेत, पण हजेरी रजिस्टरमध्ये उत्पादन, डिझाइन आणि पुन्हा केलेल्या कामाचे फक्त { $held } तास आहेत: आधी रजिस्टर किंवा नगांचे तास दुरुस्त करा.
wages-month-problem-deductions = { $alias } यांच्या कपाती एकूण { $deductions } आहेत, म्हणजे महिन्याच्या { $wages } मजुरीच्या निम्म्यापेक्षा जास्त (वेतन संहिता कलम 18): आधी दुरुस्तीचे समायोजन नोंदवा.
wages-month-requested = { $by } यांनी { $time } रोजी { $month } चा हिशेब बंद करण्याची विनंती केली. लेखा विभागातील दुसऱ्या व्यक्तीने किंवा ॲडमिनने ती मंजूर करणे आवश्यक आहे.
wages-month-requested-by-me = ही विनंती तुम्ही केली आहे: ती दुसऱ्या कोणीतरी मंजूर करायला हवी.
wages-month-approve-hint = मंजुरी दिल्यावर प्रत्येक वेतन, जादा कामाचे अतिरिक्त वेतन आणि भरपाई खातेवहीत नोंदवली जाईल, खातेवहीच्या शेवटच्या नोंदीवर स्वाक्षरी होईल आणि { $month } बंद होईल: त्यानंतर खातेवही आणि हजेरी रजिस्टर त्या महिन्यातील दिनांकाची कोणतीही नोंद स्वीकारणार नाहीत.
wages-month-approve = मंजूर करा: { $month } चा हिशेब बंद करा आणि { $amount } भरपाई नोंदवा
wages-month-withdraw = विनंती मागे घ्या
wages-month-request-hint = महिन्याचा हिशेब दोन व्यक्ती मिळून बंद करतात: तुम्ही विनंती करता, आणि लेखा विभागातील दुसरी व्यक्ती किंवा ॲडमिन मंजुरी देतात. तोपर्यंत काहीही नोंदवले जात नाही.
wages-month-request = { $month } चा हिशेब बंद करण्याची विनंती करा

## लेखा विभागाचा आढावा (index.html)
wages-index-heading = मजुरी
wages-index-record-payout = दिलेल्या रकमेची नोंद करा
wages-index-record-deduction = कपातीची नोंद करा
wages-index-adjustments = समायोजन
wages-index-adjustments-waiting = समायोजन ({ $count } प्रतीक्षेत)
wages-index-confidential = गोपनीय: या पानावर कारागिरांची कायदेशीर नावे दिसतात. प्रत्येक वेळी पाहिल्याची नोंद तुमच्या नावाने ऑडिट लॉगमध्ये होते.
wages-index-ledger-intact =
    { $count ->
        [one] खातेवही अबाधित: { $count } नोंद तिच्या हॅशशी जुळते आणि आधीच्या नोंदीशी जोडलेली आहे.
       *[other] खातेवही अबाधित: सर्व { $count } नोंदी त्यांच्या हॅशशी जुळतात आणि आधीच्या नोंदीशी जोडलेल्या आहेत.
    }
wages-index-ledger-last-hash = शेवटचा हॅश:
wages-index-ledger-broken = खातेवही नोंद क्रमांक { $entry } येथे तुटलेली आहे: { $reason }.
wages-index-ledger-broken-hint = त्याआधीच्या नोंदी अबाधित आहेत; कारण स्पष्ट होईपर्यंत नोंद क्रमांक { $entry } आणि त्यापुढील सर्व नोंदी अप्रमाणित समजा.
wages-index-adjustments-pending =
    { $count ->
        [one] { $count } समायोजन मंजुरीच्या प्रतीक्षेत
       *[other] { $count } समायोजने मंजुरीच्या प्रतीक्षेत
    }
wages-index-adjustments-pending-who = — लेखा विभागातील दुसऱ्या व्यक्तीच्या किंवा ॲडमिनच्या.
wages-index-nav = लेखा विभागाची पाने
wages-tile-earnings = किमान मर्यादांच्या तुलनेत उत्पन्न
wages-tile-earnings-text = बोनसशिवाय मासिक उत्पन्न, कामाच्या तासांनुसार कायदेशीर किमान वेतन आणि निर्वाह वेतनाच्या तुलनेत.
wages-tile-late = उशिरा झालेली देणी
wages-tile-late-text = पुढील महिन्याच्या 7 तारखेपर्यंत न दिलेली महिन्याची मजुरी.
wages-tile-reconciliation = ताळमेळ
wages-tile-reconciliation-text = पैसे भरलेल्या ऑर्डर आणि त्यांचे विक्री बोनस.
wages-tile-ledger = खातेवही
wages-tile-ledger-text = प्रत्येक नोंद, नवीन आधी.
wages-tile-policy = मजुरी धोरण
wages-tile-policy-text = प्रत्येक केंद्राचे कायदेशीर किमान वेतन, निर्वाह वेतन, तास आणि बोनस.
wages-tile-rates = विनिमय दर
wages-tile-rates-text = विक्रीच्या प्रत्येक चलनाच्या एका एककामागे रुपये, दिवसानुसार.
wages-tile-gold = सोन्याचे दर
wages-tile-gold-text = दिवसानुसार एक ग्रॅम शुद्ध सोन्याची किंमत: प्रत्येक नगाच्या किमतीतील सोन्याची ओळ.
wages-tile-terms = रोजगाराच्या अटी
wages-tile-terms-text = प्रत्येक कारागिराला पैसे कसे दिले जातात: वेतन, नगानुसार मजुरी किंवा विद्यावेतन.
wages-tile-register = हजेरी रजिस्टर
wages-tile-register-text = प्रत्येक कारागिराचे दररोजचे तास, एका वेळी एक आठवडा.
wages-index-policy-since = { $date } पासून लागू धोरण:
wages-index-policy-legal = कायदेशीर किमान दरमहा { $amount };
wages-index-policy-living = निर्वाह वेतन दरमहा { $amount };
wages-index-policy-living-unset = निर्वाह वेतन
wages-index-policy-hours = महिन्याला { $hours } तास;
wages-index-policy-target-living = उद्दिष्ट: निर्वाह वेतनाच्या { $multiplier } पट;
wages-index-policy-target-legal = उद्दिष्ट: कायदेशीर किमान वेतनाच्या { $multiplier } पट;
wages-index-policy-bonus = विक्री बोनस { $percent }%.
wages-index-center-report = केंद्राचा अहवाल:
wages-index-month-close = महिन्याचा हिशेब बंद करणे:
wages-index-closed = { $month } (हिशेब बंद), हजेरी रजिस्टरनुसार:
wages-index-not-closed = { $month } (हिशेब अजून बंद नाही), हजेरी रजिस्टरनुसार:
wages-index-below-legal = { $count } त्यांच्या तासांनुसार कायदेशीर किमान वेतनापेक्षा कमी
wages-index-below-living = { $count } त्यांच्या तासांनुसार निर्वाह वेतनापेक्षा कमी
wages-index-without-bonuses = उत्पन्नात विक्री बोनस धरलेला नाही.
wages-index-caption = { $city } मधील प्रत्येक कारागिराला किती देय आहे
wages-index-col-owed = सध्या देय
wages-index-col-month-paid-hours = { $month }: पगारी तास
wages-index-statement = विवरणपत्र { $month }
wages-index-ledger = खातेवही
wages-index-pay = पैसे द्या
wages-index-owed-in = { $city } मधील एकूण देय
wages-index-no-artisans = या केंद्रात कोणताही कारागीर नोंदलेला नाही.
wages-export-heading = ऑडिटसाठी निर्यात
wages-export-hint = या कालावधीच्या CSV फायलींचा एक ZIP: हॅशसह खातेवहीतील नोंदी, शिल्लक रकमा (कायदेशीर नावांसह), मजुरी धोरणे, विनिमय दर आणि खातेवही तपासणीचा निकाल. निर्यातीची नोंद ऑडिट लॉगमध्ये होते.
wages-export-error = निर्यात झाली नाही; कृपया खालील दिनांक दुरुस्त करा.
wages-export-first-day = पहिला दिवस
wages-export-last-day = शेवटचा दिवस
wages-export-download = निर्यात डाउनलोड करा
wages-verify-heading = खातेवही तपासा
wages-verify-hint = प्रत्येक नोंदीचा हॅश आणि आधीच्या नोंदीशी तिचा दुवा पुन्हा मोजते, खालील कमांडप्रमाणे, आणि न जुळणारी पहिली नोंद सांगते:
wages-verify-button = आता खातेवही तपासा

## बॅक ऑफिसमधील वेतनाचे आधार (कोडनुसार)
wages-basis-monthly_salary = मासिक वेतन
wages-basis-piece_rate = नगानुसार मजुरी, किमान वेतनाच्या हमीसह
wages-basis-trainee_stipend = प्रशिक्षणार्थी विद्यावेतन
wages-basis-none = रोजगाराच्या अटींची नोंद नाही (नगानुसार मजुरी म्हणून तपासले)

## केंद्राचा महिना (center.html)
wages-center-nav = इतर महिने आणि केंद्रे
wages-center-prev = मागील महिना
wages-center-next = पुढील महिना
wages-center-same-month = { $center }, हाच महिना
wages-center-earnings = कालानुसार उत्पन्न
wages-center-confidential = गोपनीय: कायदेशीर नावे फक्त लेखा विभागाला दिसतात, आणि हे पाहिल्याची नोंद तुमच्या नावाने ऑडिट लॉगमध्ये होते.
wages-center-policy-heading = लागू धोरण
wages-center-legal-min = कायदेशीर किमान वेतन: दरमहा { $amount }
wages-center-living-wage = निर्वाह वेतन: दरमहा { $amount }
wages-center-living-wage-unset = निर्वाह वेतन: ठरवलेले नाही
wages-center-standard-hours = प्रमाणित तास: दरमहा { $hours }
wages-center-since = { $date } पासून लागू
wages-center-source = स्रोत: { $source }
wages-center-no-policy = या केंद्रासाठी या महिन्यात कोणतेही मजुरी धोरण लागू नाही: लेखा विभागाने ते जोडणे आवश्यक आहे (मजुरी धोरणाचे पान).
wages-center-artisans-heading = कारागीर
wages-center-artisans-count = { $count } कारागीर
wages-center-late-count = { $count } जणांना उशिरा दिले (अंतिम मुदत { $deadline })
wages-center-col-owed-end = महिनाअखेरीस देय
wages-center-col-flags = इशारे (हजेरी रजिस्टरनुसार महिना, खाली)
wages-center-register-heading = हजेरी रजिस्टरनुसार महिना
wages-center-register-intro-1 = प्रत्येक कारागिराचे महिन्याचे उत्पन्न
wages-center-register-intro-without = विक्री बोनसशिवाय
wages-center-register-intro-2 = (मजुरी, भरपाई आणि मंजूर समायोजन), हजेरी रजिस्टरमधील पगारी तासांनुसार कायदेशीर किमान वेतन आणि निर्वाह वेतनाच्या तुलनेत (मासिक आकडे { $hours } तासांच्या प्रमाणात). बोनस वेगळे दाखवले जातात आणि कोणत्याही महिन्याला या मर्यादांच्या वर कधीही नेत नाहीत.
wages-center-register-intro-2-standard = (मजुरी, भरपाई आणि मंजूर समायोजन), हजेरी रजिस्टरमधील पगारी तासांनुसार कायदेशीर किमान वेतन आणि निर्वाह वेतनाच्या तुलनेत (मासिक आकडे प्रमाणित तासांच्या प्रमाणात). बोनस वेगळे दाखवले जातात आणि कोणत्याही महिन्याला या मर्यादांच्या वर कधीही नेत नाहीत.
wages-center-register-caption = रजिस्टरमधील तासांनुसार किमान मर्यादांच्या तुलनेत बोनसशिवाय मासिक उत्पन्न
wages-center-per-hour-hint = प्रति तास = महिन्याची मजुरी, बोनस आणि मंजूर समायोजन, भागिले त्या महिन्यात स्वीकारलेल्या नगांवर नोंदलेले तास. पुढील महिन्याच्या 7 तारखेपर्यंत दिलेल्या रकमेने महिनाअखेरपर्यंतची सर्व कमाई भरून निघाली नसेल तर तो महिना उशिराचा मानला जातो (जुने महिने आधी भरले जातात).

## न्याय्य मजुरीच्या तुलनेत कमाई (earnings.html)
wages-earnings-heading = न्याय्य मजुरीच्या तुलनेत कमाई
wages-earnings-filter = केंद्रे आणि महिने निवडा
wages-earnings-reset = मागील 12 महिने, सर्व केंद्रे
wages-earnings-rows = { $count } कारागीर-महिने
wages-earnings-living-unset-somewhere = जिथे निर्वाह वेतन ठरवलेले नाही तिथे तपासले नाही
wages-earnings-hint-1 = उत्पन्न = जादा कामाच्या वेतनासह वेतन किंवा नगानुसार मजुरी, महिन्याचा हिशेब बंद करताना नोंदवलेली किमान वेतनाची भरपाई आणि महिन्याचे मंजूर समायोजन,
wages-earnings-hint-without = विक्री बोनसशिवाय
wages-earnings-hint-2 = त्याची तुलना हजेरी रजिस्टरमधील पगारी तासांनुसार कायदेशीर किमान वेतन आणि निर्वाह वेतनाशी केली जाते (महिनाअखेरीस लागू धोरणाचे मासिक आकडे, त्याच्या प्रमाणित तासांच्या प्रमाणात). विक्री बोनस वेगळे दाखवले जातात आणि कोणत्याही महिन्याला या मर्यादांच्या वर कधीही नेत नाहीत. अजून देय भरपाई म्हणजे आत्ता महिन्याचा हिशेब बंद केल्यास नोंदवली जाणारी रक्कम.
wages-earnings-figcaption = { $title }. हेच आकडे खालील तक्त्यात आहेत.
wages-earnings-caption = { $center }: कामाच्या तासांनुसार किमान मर्यादांच्या तुलनेत बोनसशिवाय उत्पन्न, महिन्यानुसार
wages-earnings-col-artisans = तास नोंदलेले कारागीर
wages-earnings-col-below = कमी
wages-earnings-below = { $legal } कायदेशीर किमान वेतनापेक्षा कमी
wages-earnings-below-both = { $legal } कायदेशीर किमान वेतनापेक्षा कमी, { $living } निर्वाह वेतनापेक्षा कमी
wages-earnings-per-artisan = कारागीर आणि महिन्यानुसार
wages-earnings-empty = या महिन्यांत कोणतेही तास, उत्पन्न किंवा बोनस नाहीत.

## दिलेल्या रकमेची नोंद (payout.html)
wages-payout-heading = दिलेल्या रकमेची नोंद करा
wages-payout-hint = गोपनीय: या पानावर कायदेशीर नावे दिसतात; प्रत्येक वेळी पाहिल्याची नोंद ऑडिट लॉगमध्ये होते. वेतन संहितेनुसार पुढील महिन्याच्या 7 तारखेपर्यंत पैसे द्यायला हवेत, शक्यतो बँक खात्यात किंवा इलेक्ट्रॉनिक हस्तांतरणाने.
wages-payout-amount = दिलेली रक्कम, ₹
wages-payout-date = दिल्याचा दिनांक
wages-payout-method = कशी दिली
wages-payout-reference = संदर्भ
wages-payout-reference-hint = बँक किंवा UPI व्यवहाराचा संदर्भ (त्यांच्यासाठी आवश्यक), किंवा रोख रकमेसाठी पावती क्रमांक.
wages-payout-submit = दिलेल्या रकमेची नोंद करा

## समायोजन (adjustments.html)
wages-adj-heading = समायोजन
wages-adj-intro = खातेवहीतील चूक कधीही बदलली जात नाही: ती समायोजनाने दुरुस्त केली जाते (उलट रक्कम, कारण आणि ती कोणती नोंद दुरुस्त करते यासह). लेखा विभागातील दुसऱ्या व्यक्तीने किंवा ॲडमिनने मंजुरी दिल्यावरच समायोजन गणले जाते.
wages-adj-decision-error = समायोजन #{ $id }: { $error }
wages-adj-caption = समायोजने, मंजुरीच्या प्रतीक्षेतील आधी
wages-adj-col-proposed-by = प्रस्ताव कोणी दिला
wages-adj-col-decision = निर्णय
wages-adj-corrects-entry = (नोंद #{ $entry } ची दुरुस्ती)
wages-adj-corrects-month = (बंद महिना { $month } ची दुरुस्ती)
wages-adj-waiting = मंजुरीच्या प्रतीक्षेत
wages-adj-note = टीप (ऐच्छिक)
wages-adj-approve = #{ $id } मंजूर करा
wages-adj-reject = #{ $id } नामंजूर करा
wages-adj-you-proposed = हा प्रस्ताव तुमचा आहे: निर्णय दुसऱ्या कोणीतरी घ्यायला हवा.
wages-adj-approved = मंजूर
wages-adj-rejected = नामंजूर
wages-adj-decided-by = { $by }, { $at }
wages-adj-none = अजून कोणतेही समायोजन नाही.
wages-adj-propose-heading = समायोजनाचा प्रस्ताव
wages-adj-amount = रक्कम, ₹
wages-adj-amount-hint = धन रक्कम कारागिराच्या देय रकमेत भर घालते; सुरुवातीला उणे चिन्ह दिल्यास वजा होते (उदा. -1500 दोनदा धरलेली मजुरी उलटवते).
wages-adj-corrects = दुरुस्त होणारी नोंद #
wages-adj-corrects-month-label = दुरुस्त होणारा बंद महिना (YYYY-MM)
wages-adj-corrects-month-hint = बंद महिन्यात नोंद होत नाही: दुरुस्तीला एखाद्या खुल्या महिन्याचा दिनांक द्या आणि बंद महिन्याचे नाव इथे लिहा.
wages-adj-submit = समायोजनाचा प्रस्ताव पाठवा

## बोनसचा ताळमेळ (reconciliation.html)
wages-rec-heading = बोनसचा ताळमेळ
wages-rec-intro = पैसे भरलेल्या प्रत्येक ऑर्डरमधील प्रत्येक नगाचा विक्री बोनस खातेवहीत असायला हवा, आणि प्रत्येक विक्री बोनस पैसे भरलेल्या एखाद्या ऑर्डरचा असायला हवा. नोंदवलेला प्रत्येक बोनस पैसे भरल्याच्या दिवशीच्या नोंदलेल्या विनिमय दराने आणि त्या दिवशी लागू धोरणाने पुन्हा मोजला जातो.
wages-rec-clean =
    { $count ->
        [one] पैसे भरलेल्या { $count } ऑर्डरचा ताळमेळ जुळला: प्रत्येक नगाचा बोनस नोंदलेला आहे, आणि प्रत्येक बोनस पैसे भरलेल्या ऑर्डरचा आहे.
       *[other] पैसे भरलेल्या सर्व { $count } ऑर्डरचा ताळमेळ जुळला: प्रत्येक नगाचा बोनस नोंदलेला आहे, आणि प्रत्येक बोनस पैसे भरलेल्या ऑर्डरचा आहे.
    }
wages-rec-paid-orders = पैसे भरलेल्या { $count } ऑर्डर:
wages-rec-missing = { $count } नगांचा बोनस नाही,
wages-rec-orphans = { $count } बोनस नोंदींची पैसे भरलेली ऑर्डर नाही,
wages-rec-wrong = { $count } बोनसची रक्कम वेगळी आहे.
wages-rec-missing-heading = बोनस नसलेल्या, पैसे भरलेल्या ऑर्डर
wages-rec-col-order = ऑर्डर
wages-rec-col-paid-on = पैसे भरल्याचा दिनांक
wages-rec-col-piece = नग
wages-rec-col-why = कारण
wages-rec-orphans-heading = पैसे भरलेली ऑर्डर नसलेले बोनस
wages-rec-col-entry = खातेवहीतील नोंद
wages-rec-col-order-id = ऑर्डर आयडी
wages-rec-col-piece-id = नग आयडी
wages-rec-col-problem = अडचण
wages-rec-wrong-heading = फेरमोजणीशी न जुळणारे बोनस
wages-rec-col-posted = नोंदवलेली रक्कम
wages-rec-col-recomputed = फेरमोजणीची रक्कम
wages-rec-wrong-hint = चुकीचा बोनस समायोजनाने दुरुस्त केला जातो (दुसऱ्या व्यक्तीच्या मंजुरीने); खातेवहीतील नोंदी कधीही बदलल्या जात नाहीत.

## उशिरा झालेली देणी (late.html)
wages-late-heading = उशिरा झालेली देणी
wages-late-intro = वेतन संहितेनुसार (कलम 17) महिन्याची मजुरी पुढील महिन्याच्या 7 तारखेपर्यंत द्यायला हवी. दिलेली रक्कम आधी सर्वात जुन्या महिन्यात धरली जाते: एखाद्या महिन्याच्या मुदतीपर्यंत दिलेल्या रकमेने त्या महिन्याच्या अखेरपर्यंतची सर्व कमाई भरून निघाली नसेल तर तो महिना उशिराचा मानला जातो. { $today } (भारत) रोजीच्या स्थितीनुसार.
wages-late-filter = केंद्र आणि महिने निवडा
wages-late-count =
    { $count ->
        [one] { $count } महिना उशिरा
       *[other] { $count } महिने उशिरा
    }
wages-late-unpaid = { $count } अजून थकलेले
wages-late-col-due = अंतिम मुदत
wages-late-col-earned-month = त्या महिन्याची कमाई
wages-late-col-earned-through = महिनाअखेरपर्यंतची कमाई
wages-late-col-paid-by-deadline = मुदतीपर्यंत दिलेली रक्कम
wages-late-col-short = कमी पडलेली रक्कम
wages-late-col-covered = पूर्ण भरल्याचा दिनांक
wages-late-still-unpaid = अजून थकलेले
wages-late-none = { $from } पासून कोणतीही देणी उशिरा झालेली नाहीत: ज्या महिन्याची मुदत संपली आहे त्याची पूर्ण मजुरी पुढील महिन्याच्या 7 तारखेपर्यंत दिली गेली.

## खातेवही (ledger.html)
wages-ledger-heading = मजुरीची खातेवही
wages-ledger-hint = नोंदी कधीही बदलल्या किंवा काढल्या जात नाहीत; दुरुस्ती ही नवी नोंद असते. समायोजन मंजूर झाल्यावरच गणले जाते. रकमा कारागिराच्या बाजूने आहेत: कमाई धन, दिलेली रक्कम उणे.
wages-ledger-filter = खातेवही गाळा
wages-ledger-artisan = कारागिराचा सार्वजनिक आयडी
wages-ledger-from = पासून
wages-ledger-to = पर्यंत
wages-ledger-clear = पुसा
wages-ledger-caption = खातेवहीतील नोंदी, नवीन आधी
wages-ledger-col-kind = प्रकार
wages-ledger-col-piece-order = नग / ऑर्डर
wages-ledger-col-details = तपशील
wages-ledger-col-recorded-by = नोंद कोणी केली
wages-ledger-col-hash = हॅश
wages-ledger-not-counted = गणले नाही
wages-ledger-piece = नग { $id }
wages-ledger-order = ऑर्डर { $id }
wages-ledger-none = एकही नोंद नाही.
wages-ledger-none-filter = या गाळणीशी जुळणारी एकही नोंद नाही.
wages-ledger-pages = पाने
wages-ledger-newer = नवीन नोंदी
wages-ledger-older = जुन्या नोंदी

## कारागिराचे मजुरी विवरणपत्र (statement.html)
wages-st-heading = मजुरी विवरणपत्र — { $month }
wages-st-nav = इतर महिने आणि स्वरूपे
wages-st-csv = CSV म्हणून डाउनलोड करा
wages-st-center-month = { $center }, हा महिना
wages-st-slip = वेतन चिठ्ठी (कारागिराच्या भाषेत, A5)
wages-st-confidential = गोपनीय: कायदेशीर नाव फक्त लेखा विभागाला दिसते, आणि हे पाहिल्याची नोंद तुमच्या नावाने ऑडिट लॉगमध्ये होते. ब्राउझरच्या प्रिंट आदेशाने छापा; बॅक ऑफिसची पट्टी छापील प्रतीत येत नाही.
wages-st-name = नाव
wages-st-alias = दुकानात या नावाने ओळख
wages-st-workshop = कार्यशाळा
wages-st-month = महिना
wages-st-month-due = { $month } (मजुरी { $deadline } पर्यंत देय)
wages-st-summary = सारांश
wages-st-balance-start = महिन्याच्या सुरुवातीला देय
wages-st-wages-earned = मिळवलेली मजुरी ({ $pieces } नग, त्यांवर नोंदलेले { $hours } तास)
wages-st-top-ups-included = किमान वेतनाच्या भरपाईसह
wages-st-bonuses = विक्री बोनस
wages-st-adjustments = समायोजन (मंजूर)
wages-st-paid = या महिन्यात दिलेली रक्कम
wages-st-balance-end = महिनाअखेरीस अजून देय
wages-st-truth = किमान मर्यादांच्या तुलनेत महिना (हजेरी रजिस्टर)
wages-st-register-hours = हजेरी रजिस्टरमधील पगारी तास
wages-st-income = विक्री बोनसशिवाय उत्पन्न (वेतन किंवा नगानुसार मजुरी, जादा काम, भरपाई, समायोजन)
wages-st-legal = या तासांसाठी कायदेशीर किमान वेतन
wages-st-living = या तासांसाठी निर्वाह वेतन
wages-st-top-up-due = महिन्याचा हिशेब बंद केल्यावर नोंदवली जाणारी भरपाई (अजून शिल्लक रकमेत नाही)
wages-st-bonuses-apart = विक्री बोनस (वेगळा: कोणत्याही मर्यादेत कधीही धरला जात नाही)
wages-st-below-legal = तासांनुसार कायदेशीर किमान वेतनापेक्षा कमी.
wages-st-below-living = तासांनुसार निर्वाह वेतनापेक्षा कमी.
wages-st-no-register = या महिन्यात हजेरी रजिस्टरमध्ये एकही तास नाही: उत्पन्नाची तुलना किमान मर्यादांशी केलेली नाही.
wages-st-late = या महिन्याची संपूर्ण मजुरी { $deadline } पर्यंत दिली गेली नाही.
wages-st-pending =
    { $count ->
        [one] या महिन्यातील { $count } समायोजन दुसऱ्या व्यक्तीच्या मंजुरीच्या प्रतीक्षेत आहे आणि अजून गणले गेलेले नाही.
       *[other] या महिन्यातील { $count } समायोजने दुसऱ्या व्यक्तीच्या मंजुरीच्या प्रतीक्षेत आहेत आणि अजून गणली गेलेली नाहीत.
    }
wages-st-pieces-heading = स्वीकारलेले नग
wages-st-col-sku = SKU
wages-st-col-piece = नग
wages-st-col-hours = तास
wages-st-col-wage-share = मजुरीचा वाटा
wages-st-no-pieces = या महिन्यात एकही नग स्वीकारला गेला नाही.
wages-st-top-ups-heading = किमान वेतनाची भरपाई
wages-st-col-for-hours = पगारी तासांसाठी
wages-st-bonuses-heading = विक्री बोनस
wages-st-col-order = ऑर्डर
wages-st-col-rate = दर
wages-st-bonus-rate = निव्वळ विक्रीच्या { $percent }%
wages-st-no-bonuses = या महिन्यात विक्री बोनस नाही.
wages-st-adjustments-heading = समायोजन
wages-st-no-adjustments = या महिन्यात कोणतेही समायोजन नाही.
wages-st-payments-heading = दिलेली रक्कम
wages-st-col-method = कशी दिली
wages-st-col-reference = संदर्भ
wages-st-no-payments = या महिन्यात कोणतीही रक्कम दिलेली नाही.
wages-st-received-by = घेणाऱ्याची सही:
wages-st-date = दिनांक:

## मजुरी धोरण (policy.html)
wages-policy-heading = मजुरी धोरण
wages-policy-intro = प्रत्येक केंद्राचे कायदेशीर किमान वेतन (कुशल श्रेणी), निर्वाह वेतनाचा मापदंड, प्रमाणित तास, उद्दिष्ट गुणक आणि विक्री बोनसची टक्केवारी, ते ज्या दिनांकापासून लागू होतात त्यानुसार. मागील महिने नेहमी त्या वेळी लागू असलेल्या आवृत्तीनुसारच तपासले जातात.
wages-policy-caption = { $city } च्या धोरणाच्या आवृत्त्या, नवीन आधी
wages-policy-col-from = पासून
wages-policy-col-legal = कायदेशीर किमान / महिना
wages-policy-col-living = निर्वाह वेतन / महिना
wages-policy-col-hours = तास / महिना
wages-policy-col-target = उद्दिष्ट ×
wages-policy-col-bonus = विक्री बोनस
wages-policy-col-deductions = परवानगी असलेल्या कपाती
wages-policy-col-source = स्रोत
wages-policy-col-recorded = नोंद
wages-policy-in-force = लागू
wages-policy-none = अजून एकही आवृत्ती नाही.
wages-policy-add-heading = नवी आवृत्ती जोडा
wages-policy-prefilled = लागू आवृत्तीतून आधीच भरलेले. रकमा रुपयांत. दर दर जानेवारी आणि जुलैमध्ये सुधारले जातात.
wages-policy-prefilled-center = निवडलेल्या केंद्रावर लागू आवृत्तीतून आधीच भरलेले. रकमा रुपयांत. दर दर जानेवारी आणि जुलैमध्ये सुधारले जातात.
wages-policy-effective-from = या दिनांकापासून लागू
wages-policy-legal-min = दरमहा कायदेशीर किमान वेतन, ₹
wages-policy-living-wage = दरमहा निर्वाह वेतन, ₹
wages-policy-living-wage-hint = आकडा नसेपर्यंत रिकामे ठेवा; पानांवर लेखा विभागाने तो भरायचा आहे असे सांगितले जाईल.
wages-policy-standard-hours = दरमहा प्रमाणित तास
wages-policy-standard-hours-hint = 208 = 8 तास × 26 पगारी दिवस (1 ते 300).
wages-policy-multiplier = उद्दिष्ट गुणक
wages-policy-multiplier-hint = प्रस्तावित नग मजुरी = तास × हा गुणक × प्रति तास निर्वाह वेतन, उदा. 1.2.
wages-policy-bonus = विक्री बोनस, निव्वळ विक्रीच्या %
wages-policy-deductions = हे धोरण परवानगी देत असलेल्या कपाती (वेतन संहिता कलम 18; सर्व मिळून कधीही महिन्याच्या मजुरीच्या निम्म्यापेक्षा जास्त नाही; दंड कधीही कापला जात नाही)
wages-policy-source = आकड्यांचा स्रोत
wages-policy-submit = ही आवृत्ती जोडा
wages-policy-deductions-none = नाही

## बॅक ऑफिसमधील कपातीचे प्रकार (कोडनुसार)
wages-deduction-absence = कामावर गैरहजेरी
wages-deduction-advance_recovery = उचल किंवा जादा दिलेल्या रकमेची वसुली
wages-deduction-loan_recovery = कर्जाची वसुली
wages-deduction-housing = दिलेली निवासव्यवस्था
wages-deduction-amenities = दिलेल्या सुविधा आणि सेवा
wages-deduction-income_tax = आयकर
wages-deduction-court_order = न्यायालय किंवा प्राधिकरणाचा आदेश
wages-deduction-provident_fund = भविष्य निर्वाह निधी किंवा निवृत्तिवेतन
wages-deduction-social_security = सामाजिक सुरक्षा (ESI, विमा)

## बॅक ऑफिसमधील खातेवही नोंदींचे प्रकार (कोडनुसार)
wages-entry-wage_earned = मिळवलेली मजुरी
wages-entry-sale_bonus = विक्री बोनस
wages-entry-payout = दिलेली रक्कम
wages-entry-adjustment = समायोजन
wages-entry-adjustment_approved = समायोजन मंजूर
wages-entry-adjustment_rejected = समायोजन नामंजूर
wages-entry-minimum_wage_top_up = किमान वेतनाची भरपाई
wages-entry-salary = वेतन किंवा विद्यावेतन
wages-entry-overtime_premium = जादा काम (दुप्पट दर)
wages-entry-deduction = कपात

## विनिमय दर (rates.html)
wages-rates-heading = विनिमय दर
wages-rates-intro = ऑर्डरचे पैसे ज्या दिवशी भरले त्या दिवसासाठी नोंदलेल्या दराने विक्री बोनस रुपयांत बदलला जातो. ज्या दिवसाचा दर नोंदलेला नाही त्या दिवशी पैसे भरलेल्या ऑर्डरचे बोनस प्रतीक्षेत राहतात, आणि इथे दर नोंदवल्यावर खातेवहीत नोंदवले जातात.
wages-rates-record-heading = दराची नोंद करा
wages-rates-currency = विक्रीचे चलन
wages-rates-day = दिवस
wages-rates-rate = प्रति एकक रुपये
wages-rates-rate-hint = उदा. 84.25 (दशांश चिन्हानंतर 6 अंकांपर्यंत, दशांशासाठी बिंदू).
wages-rates-source = स्रोत
wages-rates-source-hint = दर कुठून घेतला, उदा. “RBI संदर्भ दर” (या चलनात पैसे भरणाऱ्या खरेदीदारांकडून याच दराने रक्कम घेतली जाते).
wages-rates-submit = दराची नोंद करा
wages-rates-recorded-heading = नोंदलेले दर
wages-rates-caption = नोंदलेले विनिमय दर, अलीकडील आधी
wages-rates-col-currency = चलन
wages-rates-col-rate = प्रति एकक ₹
wages-rates-col-recorded = नोंद
wages-rates-none = अजून एकही दर नोंदलेला नाही.
wages-recorded-by-at = { $by }, { $at }

## हजेरी रजिस्टर (register.html)
wages-register-back = रोजगाराच्या अटी
wages-register-heading = हजेरी रजिस्टर: { $city }, { $week } पासूनचा आठवडा
wages-register-intro = प्रत्येक कारागिराचे दररोजचे तास, प्रकारानुसार (8, 7.5 किंवा 7.25). दिवसाला 8 तास किंवा आठवड्याला 48 तासांपेक्षा जास्त काम म्हणजे जादा काम, ज्याचे वेतन नेहमीच्या दराच्या दुप्पट असते. बिनपगारी रजेची नोंद होते पण तिचे पैसे दिले जात नाहीत; बंद महिना बदलता येत नाही.
wages-register-weeks = इतर आठवडे
wages-register-prev = मागील आठवडा
wages-register-next = पुढील आठवडा
wages-register-week-of = आठवड्याचा पहिला दिवस
wages-register-caption = { $week } पासूनच्या आठवड्याचे तास, प्रत्येक कारागीर आणि तासांच्या प्रकारासाठी एक ओळ
wages-register-col-artisan-kind = कारागीर आणि तासांचा प्रकार
wages-register-no-artisans = या केंद्रात अजून एकही कारागीर नाही.
wages-register-save = आठवडा जतन करा
wages-register-confirm-heading = कारागिराची पुष्टी
wages-register-confirm-hint = प्रत्येक कारागिराला त्यांचा आठवडा वाचून दाखवा (किंवा त्यांना वाचू द्या). त्यांनी मान्य केल्यावर पुष्टी केल्याचा दिवस नोंदवा. नंतर आठवडा बदलल्यास पुष्टी रद्द होते.
wages-register-confirm-caption = { $week } पासूनच्या आठवड्याची पुष्टी कोणी केली
wages-register-col-confirmed = पुष्टी
wages-register-col-record = पुष्टीची नोंद करा
wages-register-confirmed-on = { $date } रोजी ({ $by } यांनी नोंदवले)
wages-register-not-yet = अजून नाही
wages-register-no-hours = या आठवड्यात एकही तास नाही
wages-register-confirm-day = { $alias } यांनी पुष्टी केल्याचा दिवस
wages-register-record = नोंद करा
wages-register-import-heading = CSV फाइलमधून तास आयात करा
wages-register-import-columns = स्तंभ
wages-register-import-hint = आणि हीच शीर्षक ओळ; कारागीर टोपणनाव किंवा आयडीने, दिनांक 2026-11-02 असा, प्रकार production, training, design, rework, waiting, leave_paid, leave_unpaid, holiday यांपैकी एक, आणि तास 8 किंवा 7.5 असे (0 दिल्यास कप्पा रिकामा होतो). प्रत्येक ओळ त्या कारागिराच्या त्या दिवशीच्या त्या प्रकारच्या तासांची जागा घेते; रजिस्टरचा उरलेला भाग तसाच राहतो. सर्व अडचणी एकत्र दाखवल्या जातात आणि फाइल बरोबर होईपर्यंत काहीही जतन होत नाही.
wages-register-csv-file = CSV फाइल
wages-register-import = आयात करा

## रोजगाराच्या अटी (terms.html)
wages-terms-heading = रोजगाराच्या अटी
wages-terms-intro = प्रत्येक कारागिराला पैसे कसे दिले जातात, प्रत्येक आवृत्ती लागू झाल्याच्या दिवसापासून. अटी काहीही असोत, कोणत्याही महिन्याचे पैसे हजेरी रजिस्टरमधील पगारी तासांच्या कायदेशीर किमान वेतनापेक्षा कधीही कमी नसतात: महिन्याचा हिशेब बंद करताना भरपाई दिली जाते.
wages-terms-caption = कारागिरानुसार रोजगाराच्या अटी, नवीन आवृत्ती आधी
wages-terms-col-from = पासून
wages-terms-col-until = पर्यंत
wages-terms-col-amount = मासिक रक्कम
wages-terms-col-hours = तास / महिना
wages-terms-col-note = टीप
wages-terms-col-recorded = नोंद
wages-terms-none = अटींची नोंद नाही: नगानुसार मजुरी, किमान वेतनाच्या हमीसह, म्हणून तपासले जाते.
wages-terms-add-heading = नवी आवृत्ती जोडा
wages-terms-artisan-option = { $alias } ({ $city })
wages-terms-effective-from = या दिनांकापासून लागू
wages-terms-ends-on = रोजगाराचा शेवटचा दिवस
wages-terms-basis = वेतनाचा आधार
wages-terms-salary = मासिक वेतन किंवा विद्यावेतन, ₹
wages-terms-salary-hint = मासिक वेतन किंवा प्रशिक्षणार्थी विद्यावेतनासाठी; नगानुसार मजुरीसाठी रिकामे ठेवा.
wages-terms-hours = दरमहा प्रमाणित तास
wages-terms-hours-hint = 208 = 8 तास × 26 पगारी दिवस.
wages-terms-note = टीप
wages-terms-submit = या अटी जतन करा

## कपातीची नोंद (deduction.html)
wages-deduct-heading = कपातीची नोंद करा
wages-deduct-hint = गोपनीय: या पानावर कायदेशीर नावे दिसतात; प्रत्येक वेळी पाहिल्याची नोंद ऑडिट लॉगमध्ये होते. मजुरी धोरणात दिलेल्या कपातींचीच नोंद करता येते (वेतन संहिता कलम 18); दंड कधीही कापला जात नाही; एका महिन्यातील सर्व कपाती मिळून त्या महिन्याच्या मजुरीच्या निम्म्यापेक्षा जास्त होत नाहीत. प्रत्येक कपात तिच्या कारणासह कारागिराच्या वेतन चिठ्ठीवर दिसते.
wages-deduct-artisan-option = { $alias } — { $legal_name } ({ $center })
wages-deduct-kind = कपातीचा प्रकार
wages-deduct-amount = कापलेली रक्कम, ₹
wages-deduct-day = कोणत्या दिवसासाठी
wages-deduct-submit = कपातीची नोंद करा

## पानांचे हँडलर दाखवतात त्या सूचना आणि इशारे
wages-no-living-wage = { $city } साठी निर्वाह वेतनाचा आकडा नाही: लेखा विभागाने तो भरायला हवा (मजुरी धोरणाचे पान).
wages-no-living-wage-short = { $city } साठी निर्वाह वेतनाचा आकडा नाही: लेखा विभागाने तो भरायला हवा.
wages-notice-payout = दिलेली रक्कम खातेवहीत नोंदवली आहे; खालील शिल्लक रकमेत ती धरलेली आहे.
wages-notice-deduction = कपात खातेवहीत नोंदवली आहे; ती तिच्या कारणासह वेतन चिठ्ठीवर दिसेल.
wages-notice-adj-proposed = समायोजन खातेवहीत आहे. लेखा विभागातील दुसऱ्या व्यक्तीने किंवा ॲडमिनने मंजुरी दिल्यावरच ते गणले जाईल.
wages-notice-adj-approved = समायोजन मंजूर झाले; आता ते कारागिराच्या शिल्लक रकमेत गणले जाते.
wages-notice-adj-rejected = समायोजन नामंजूर झाले; ते कधीही कोणत्याही शिल्लक रकमेत गणले जाणार नाही.
wages-notice-week-saved = आठवडा जतन झाला.
wages-no-policy = { $city } साठी कोणतेही मजुरी धोरण लागू नाही: लेखा विभागाने ते जोडायला हवे.
