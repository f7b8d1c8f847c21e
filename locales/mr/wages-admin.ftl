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
wages-flag-no-register-hours = वेळ नोंदवहीत एकही तास नाही
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
wages-month-more-than-register = नोंदवहीपेक्षा जास्त
wages-month-top-ups = एकूण भरपाई
wages-month-empty = या महिन्यासाठी कोणतेही तास, नग किंवा रोजगाराच्या अटी नाहीत.
wages-month-cannot-close = { $month } चा हिशेब अजून बंद करता येत नाही:
wages-month-requested = { $by } यांनी { $time } रोजी { $month } चा हिशेब बंद करण्याची विनंती केली. लेखा विभागातील दुसऱ्या व्यक्तीने किंवा ॲडमिनने ती मंजूर करणे आवश्यक आहे.
wages-month-requested-by-me = ही विनंती तुम्ही केली आहे: ती दुसऱ्या कोणीतरी मंजूर करायला हवी.
wages-month-approve-hint = मंजुरी दिल्यावर प्रत्येक वेतन, जादा कामाचे अतिरिक्त वेतन आणि भरपाई खातेवहीत नोंदवली जाईल, खातेवहीच्या शेवटच्या नोंदीवर स्वाक्षरी होईल आणि { $month } बंद होईल: त्यानंतर खातेवही आणि वेळ नोंदवही त्या महिन्यातील दिनांकाची कोणतीही नोंद स्वीकारणार नाहीत.
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
wages-index-adjustments-pending-who = — लेखा विभागातील दुसरी व्यक्ती किंवा ॲडमिन यांच्या.
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
wages-tile-register = वेळ नोंदवही
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
wages-index-closed = { $month } (हिशेब बंद), वेळ नोंदवहीनुसार:
wages-index-not-closed = { $month } (हिशेब अजून बंद नाही), वेळ नोंदवहीनुसार:
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
