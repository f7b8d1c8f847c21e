# /admin/wages के अंतर्गत लेखा विभाग के पन्ने। शब्द locales/GLOSSARY.md के अनुसार; राशियाँ, घंटे
# और तारीख़ें पहले से फ़ॉर्मेट होकर आती हैं।

## कई पन्नों में साझा
wages-back = मज़दूरी
wages-confidential-audited = गोपनीय: इस पन्ने पर कानूनी नाम दिखते हैं; हर बार देखना ऑडिट लॉग में दर्ज होता है।
wages-nothing-recorded = कुछ भी दर्ज नहीं हुआ; कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
wages-required = (आवश्यक)
wages-choose = चुनें…
wages-show = दिखाएँ
wages-all-centers = सभी केंद्र
wages-label-center = केंद्र
wages-label-from-month = किस महीने से (YYYY-MM)
wages-label-to-month = किस महीने तक (YYYY-MM)
wages-artisan-option = { $alias } — { $legal_name } ({ $center }) — देय { $owed }
wages-none-recorded = कुछ दर्ज नहीं
wages-not-set = तय नहीं
wages-living-wage-not-checked = जीवन-निर्वाह मज़दूरी की जाँच नहीं हुई
wages-below-legal-count = { $count } कानूनी न्यूनतम मज़दूरी से कम
wages-below-living-count = { $count } जीवन-निर्वाह मज़दूरी से कम
wages-flag-below-legal = घंटों के हिसाब से कानूनी न्यूनतम मज़दूरी से कम
wages-flag-below-living = घंटों के हिसाब से जीवन-निर्वाह मज़दूरी से कम
wages-flag-no-register-hours = हाज़िरी रजिस्टर में कोई घंटे नहीं
wages-flag-paid-late = देर से भुगतान
wages-col-artisan = कारीगर
wages-col-legal-name = कानूनी नाम
wages-col-public-id = सार्वजनिक आईडी
wages-col-center = केंद्र
wages-col-month = महीना
wages-col-pay-basis = वेतन का आधार
wages-col-hours-worked = काम के घंटे
wages-col-overtime-hours = ओवरटाइम के घंटे
wages-col-paid-leave-hours = सवेतन छुट्टी के घंटे
wages-col-paid-hours = भुगतान योग्य घंटे
wages-col-salary = वेतन
wages-col-piece-wages = नग के हिसाब से मज़दूरी
wages-col-overtime-premium = ओवरटाइम की अतिरिक्त मज़दूरी
wages-col-paid-leave = सवेतन छुट्टी
wages-col-month-pay = महीने की मज़दूरी
wages-col-guaranteed = न्यूनतम मज़दूरी की गारंटी
wages-col-top-up = भरपाई
wages-col-top-up-due = देय भरपाई
wages-col-deductions = कटौतियाँ
wages-col-piece-hours-of-making = नगों पर लगे घंटे / निर्माण के घंटे
wages-col-income = बोनस के बिना आय
wages-col-legal-for-hours = घंटों के हिसाब से कानूनी न्यूनतम
wages-col-living-for-hours = घंटों के हिसाब से जीवन-निर्वाह मज़दूरी
wages-col-flags = चेतावनियाँ
wages-col-sale-bonuses = बिक्री बोनस
wages-col-pages = पन्ने
wages-col-pieces = नग
wages-col-hours-on-pieces = नगों पर लगे घंटे
wages-col-wages = मज़दूरी
wages-col-bonuses = बोनस
wages-col-adjustments = समायोजन
wages-col-paid = भुगतान
wages-col-amount = राशि
wages-col-date = तारीख़
wages-col-reason = कारण
wages-col-total = कुल
wages-caption-artisan-month = हर कारीगर का महीना

## महीने का हिसाब बंद करना (month.html)
wages-month-heading = महीने का हिसाब बंद करना: { $city }, { $month }
wages-month-closed = { $by } ने { $date } को हिसाब बंद किया।
wages-month-closed-locked = { $month } की तारीख़ वाली कोई भी प्रविष्टि अब दर्ज नहीं हो सकती; सुधार किसी खुले महीने में समायोजन के रूप में, इस महीने का नाम देकर, किए जाते हैं।
wages-month-legal-min = कानूनी न्यूनतम मज़दूरी { $monthly } प्रति माह, { $hours } घंटों पर ({ $hourly } प्रति घंटा)।
wages-month-guarantee = न्यूनतम मज़दूरी की गारंटी = महीने के भुगतान योग्य घंटे (काम, सवेतन छुट्टी, अवकाश के दिन) इसी दर पर, ओवरटाइम के घंटे दोगुने गिनकर।
wages-month-by-month = मज़दूरी पूरे महीने के हिसाब से परखी जाती है, कभी एक-एक नग के हिसाब से नहीं।
wages-month-more-than-register = रजिस्टर से अधिक
wages-month-top-ups = कुल भरपाई
wages-month-empty = इस महीने के लिए कोई घंटे, नग या रोज़गार की शर्तें नहीं।
wages-month-cannot-close = { $month } का हिसाब अभी बंद नहीं हो सकता:
wages-month-problem-hours = { $month } में स्वीकार किए गए नगों पर { $alias } के निर्माण के { $claimed } घंटे दर्ज हैं, पर हाज़िरी रजिस्टर में उत्पादन, डिज़ाइन और दोबारा काम के केवल { $held } घंटे हैं: पहले रजिस्टर या नगों के घंटे ठीक करें।
wages-month-problem-deductions = { $alias } की कटौतियाँ कुल { $deductions } हैं, जो महीने की मज़दूरी { $wages } के आधे से अधिक है (मज़दूरी संहिता धारा 18): पहले सुधार का समायोजन दर्ज करें।
wages-month-requested = { $by } ने { $time } को { $month } का हिसाब बंद करने का अनुरोध किया। लेखा विभाग के किसी दूसरे व्यक्ति या किसी एडमिन को इसे स्वीकृत करना होगा।
wages-month-requested-by-me = यह अनुरोध आपने किया है: इसे कोई दूसरा व्यक्ति ही स्वीकृत कर सकता है।
wages-month-approve-hint = स्वीकृति देने पर हर वेतन, ओवरटाइम की अतिरिक्त मज़दूरी और भरपाई बही-खाते में दर्ज होगी, बही-खाते के अंतिम सिरे पर हस्ताक्षर होंगे और { $month } बंद हो जाएगा: उसके बाद बही-खाता और हाज़िरी रजिस्टर इस महीने की तारीख़ वाली कोई प्रविष्टि स्वीकार नहीं करेंगे।
wages-month-approve = स्वीकृत करें: { $month } का हिसाब बंद करें और { $amount } की भरपाई दर्ज करें
wages-month-withdraw = अनुरोध वापस लें
wages-month-request-hint = महीने का हिसाब दो लोग मिलकर बंद करते हैं: आप अनुरोध करते हैं, और लेखा विभाग का कोई दूसरा व्यक्ति या कोई एडमिन स्वीकृति देता है। तब तक कुछ भी दर्ज नहीं होता।
wages-month-request = { $month } का हिसाब बंद करने का अनुरोध करें

## लेखा विभाग का अवलोकन (index.html)
wages-index-heading = मज़दूरी
wages-index-record-payout = भुगतान दर्ज करें
wages-index-record-deduction = कटौती दर्ज करें
wages-index-adjustments = समायोजन
wages-index-adjustments-waiting = समायोजन ({ $count } प्रतीक्षा में)
wages-index-confidential = गोपनीय: इस पन्ने पर कारीगरों के कानूनी नाम दिखते हैं। हर बार देखना आपके नाम से ऑडिट लॉग में दर्ज होता है।
wages-index-ledger-intact =
    { $count ->
        [one] बही-खाता सुरक्षित: { $count } प्रविष्टि अपने हैश से मेल खाती है और अपनी पिछली प्रविष्टि से जुड़ी है।
       *[other] बही-खाता सुरक्षित: सभी { $count } प्रविष्टियाँ अपने हैश से मेल खाती हैं और अपनी पिछली प्रविष्टि से जुड़ी हैं।
    }
wages-index-ledger-last-hash = अंतिम हैश:
wages-index-ledger-broken = बही-खाता प्रविष्टि { $entry } पर टूटा है: { $reason }।
wages-index-ledger-broken-hint = इससे पहले की प्रविष्टियाँ सुरक्षित हैं; प्रविष्टि { $entry } और उसके बाद की सभी प्रविष्टियों को तब तक अप्रमाणित मानें जब तक इसका कारण स्पष्ट न हो।
wages-index-adjustments-pending =
    { $count ->
        [one] { $count } समायोजन स्वीकृति की प्रतीक्षा में
       *[other] { $count } समायोजन स्वीकृति की प्रतीक्षा में
    }
wages-index-adjustments-pending-who = — लेखा विभाग के किसी दूसरे व्यक्ति या किसी एडमिन द्वारा।
wages-index-nav = लेखा विभाग के पन्ने
wages-tile-earnings = न्यूनतम सीमाओं की तुलना में आय
wages-tile-earnings-text = बोनस के बिना मासिक आय, काम के घंटों के हिसाब से कानूनी न्यूनतम और जीवन-निर्वाह मज़दूरी की तुलना में।
wages-tile-late = देर से भुगतान
wages-tile-late-text = किसी महीने की मज़दूरी जो अगले महीने की 7 तारीख़ तक नहीं दी गई।
wages-tile-reconciliation = मिलान
wages-tile-reconciliation-text = भुगतान हो चुके ऑर्डर और उनके बिक्री बोनस।
wages-tile-ledger = बही-खाता
wages-tile-ledger-text = हर प्रविष्टि, सबसे नई पहले।
wages-tile-policy = मज़दूरी नीति
wages-tile-policy-text = हर केंद्र के लिए कानूनी न्यूनतम, जीवन-निर्वाह मज़दूरी, घंटे और बोनस।
wages-tile-rates = विनिमय दरें
wages-tile-rates-text = बिक्री की हर मुद्रा की एक इकाई के बदले रुपये, दिन के अनुसार।
wages-tile-gold = सोने के भाव
wages-tile-gold-text = दिन के अनुसार एक ग्राम शुद्ध सोने का भाव: हर नग की कीमत में सोने की पंक्ति।
wages-tile-terms = रोज़गार की शर्तें
wages-tile-terms-text = हर कारीगर को कैसे भुगतान होता है: वेतन, नग के हिसाब से या वृत्तिका।
wages-tile-register = हाज़िरी रजिस्टर
wages-tile-register-text = हर कारीगर के प्रतिदिन के घंटे, एक बार में एक सप्ताह।
wages-index-policy-since = { $date } से लागू नीति:
wages-index-policy-legal = कानूनी न्यूनतम { $amount } प्रति माह;
wages-index-policy-living = जीवन-निर्वाह मज़दूरी { $amount } प्रति माह;
wages-index-policy-living-unset = जीवन-निर्वाह मज़दूरी
wages-index-policy-hours = महीने में { $hours } घंटे;
wages-index-policy-target-living = लक्ष्य: जीवन-निर्वाह मज़दूरी का { $multiplier } गुना;
wages-index-policy-target-legal = लक्ष्य: कानूनी न्यूनतम का { $multiplier } गुना;
wages-index-policy-bonus = बिक्री बोनस { $percent }%।
wages-index-center-report = केंद्र की रिपोर्ट:
wages-index-month-close = महीने का हिसाब बंद करना:
wages-index-closed = { $month } (हिसाब बंद), हाज़िरी रजिस्टर के अनुसार:
wages-index-not-closed = { $month } (हिसाब अभी बंद नहीं), हाज़िरी रजिस्टर के अनुसार:
wages-index-below-legal = { $count } अपने घंटों के हिसाब से कानूनी न्यूनतम से कम
wages-index-below-living = { $count } अपने घंटों के हिसाब से जीवन-निर्वाह मज़दूरी से कम
wages-index-without-bonuses = आय में बिक्री बोनस शामिल नहीं है।
wages-index-caption = { $city } में हर कारीगर को कितना देय है
wages-index-col-owed = अभी देय
wages-index-col-month-paid-hours = { $month }: भुगतान योग्य घंटे
wages-index-statement = विवरण { $month }
wages-index-ledger = बही-खाता
wages-index-pay = भुगतान करें
wages-index-owed-in = { $city } में कुल देय
wages-index-no-artisans = इस केंद्र में कोई कारीगर पंजीकृत नहीं है।
wages-export-heading = ऑडिट के लिए निर्यात
wages-export-hint = इस अवधि की CSV फ़ाइलों का एक ZIP: हैश सहित बही-खाते की प्रविष्टियाँ, शेष राशियाँ (कानूनी नामों सहित), मज़दूरी नीतियाँ, विनिमय दरें और बही-खाते की जाँच का परिणाम। निर्यात ऑडिट लॉग में दर्ज होता है।
wages-export-error = कोई निर्यात नहीं बना; कृपया नीचे की तारीख़ें ठीक करें।
wages-export-first-day = पहला दिन
wages-export-last-day = अंतिम दिन
wages-export-download = निर्यात डाउनलोड करें
wages-verify-heading = बही-खाते की जाँच
wages-verify-hint = हर प्रविष्टि का हैश और पिछली प्रविष्टि से उसका जुड़ाव दोबारा गिनता है, जैसे नीचे दिया गया कमांड करता है, और पहली मेल न खाने वाली प्रविष्टि बताता है:
wages-verify-button = अभी बही-खाते की जाँच करें

## बैक ऑफ़िस में वेतन के आधार (कोड के अनुसार)
wages-basis-monthly_salary = मासिक वेतन
wages-basis-piece_rate = नग के हिसाब से मज़दूरी, न्यूनतम मज़दूरी की गारंटी के साथ
wages-basis-trainee_stipend = प्रशिक्षु वृत्तिका
wages-basis-none = रोज़गार की शर्तें दर्ज नहीं (नग के हिसाब से परखा गया)

## किसी केंद्र का महीना (center.html)
wages-center-nav = दूसरे महीने और केंद्र
wages-center-prev = पिछला महीना
wages-center-next = अगला महीना
wages-center-same-month = { $center }, यही महीना
wages-center-earnings = समय के साथ आय
wages-center-confidential = गोपनीय: कानूनी नाम केवल लेखा विभाग को दिखते हैं, और यह देखना आपके नाम से ऑडिट लॉग में दर्ज होता है।
wages-center-policy-heading = लागू नीति
wages-center-legal-min = कानूनी न्यूनतम: { $amount } प्रति माह
wages-center-living-wage = जीवन-निर्वाह मज़दूरी: { $amount } प्रति माह
wages-center-living-wage-unset = जीवन-निर्वाह मज़दूरी: तय नहीं
wages-center-standard-hours = मानक घंटे: { $hours } प्रति माह
wages-center-since = { $date } से लागू
wages-center-source = स्रोत: { $source }
wages-center-no-policy = इस केंद्र के लिए इस महीने कोई मज़दूरी नीति लागू नहीं है: लेखा विभाग को एक नीति जोड़नी होगी (मज़दूरी नीति का पन्ना)।
wages-center-artisans-heading = कारीगर
wages-center-artisans-count = { $count } कारीगर
wages-center-late-count = { $count } को देर से भुगतान (अंतिम तिथि { $deadline })
wages-center-col-owed-end = महीने के अंत में देय
wages-center-col-flags = चेतावनियाँ (हाज़िरी रजिस्टर के अनुसार महीना, नीचे)
wages-center-register-heading = हाज़िरी रजिस्टर के अनुसार महीना
wages-center-register-intro-1 = हर कारीगर की महीने की आय
wages-center-register-intro-without = बिक्री बोनस के बिना
wages-center-register-intro-2 = (मज़दूरी, भरपाई और स्वीकृत समायोजन), हाज़िरी रजिस्टर के भुगतान योग्य घंटों के हिसाब से कानूनी न्यूनतम और जीवन-निर्वाह मज़दूरी की तुलना में (मासिक आँकड़े { $hours } घंटों के अनुपात में)। बोनस अलग दिखाए जाते हैं और किसी महीने को इन सीमाओं से ऊपर कभी नहीं उठाते।
wages-center-register-intro-2-standard = (मज़दूरी, भरपाई और स्वीकृत समायोजन), हाज़िरी रजिस्टर के भुगतान योग्य घंटों के हिसाब से कानूनी न्यूनतम और जीवन-निर्वाह मज़दूरी की तुलना में (मासिक आँकड़े मानक घंटों के अनुपात में)। बोनस अलग दिखाए जाते हैं और किसी महीने को इन सीमाओं से ऊपर कभी नहीं उठाते।
wages-center-register-caption = रजिस्टर के घंटों के हिसाब से न्यूनतम सीमाओं की तुलना में बोनस के बिना मासिक आय
wages-center-per-hour-hint = प्रति घंटा = महीने की मज़दूरी, बोनस और स्वीकृत समायोजन, भाग उस महीने स्वीकार किए गए नगों पर दर्ज घंटे। कोई महीना तब देर से माना जाता है जब अगले महीने की 7 तारीख़ तक किए गए भुगतान उस महीने के अंत तक की पूरी कमाई को पूरा नहीं करते (पुराने महीनों का भुगतान पहले होता है)।

## उचित मज़दूरी की तुलना में आय (earnings.html)
wages-earnings-heading = उचित मज़दूरी की तुलना में आय
wages-earnings-filter = केंद्र और महीने चुनें
wages-earnings-reset = पिछले 12 महीने, सभी केंद्र
wages-earnings-rows = { $count } कारीगर-महीने
wages-earnings-living-unset-somewhere = जहाँ जीवन-निर्वाह मज़दूरी तय नहीं, वहाँ उसकी जाँच नहीं हुई
wages-earnings-hint-1 = आय = ओवरटाइम की मज़दूरी सहित वेतन या नग के हिसाब से मज़दूरी, महीने का हिसाब बंद होने पर दर्ज न्यूनतम मज़दूरी की भरपाई और महीने के स्वीकृत समायोजन,
wages-earnings-hint-without = बिक्री बोनस के बिना
wages-earnings-hint-2 = इसकी तुलना हाज़िरी रजिस्टर के भुगतान योग्य घंटों के हिसाब से कानूनी न्यूनतम और जीवन-निर्वाह मज़दूरी से की जाती है (महीने के अंत में लागू नीति के मासिक आँकड़े, उसके मानक घंटों के अनुपात में)। बिक्री बोनस अलग दिखाए जाते हैं और किसी महीने को इन सीमाओं से ऊपर कभी नहीं उठाते। बाकी देय भरपाई वह राशि है जो महीने का हिसाब अभी बंद करने पर दर्ज होगी।
wages-earnings-figcaption = { $title }। यही आँकड़े नीचे की तालिका में हैं।
wages-earnings-caption = { $center }: काम के घंटों के हिसाब से न्यूनतम सीमाओं की तुलना में बोनस के बिना आय, महीने के अनुसार
wages-earnings-col-artisans = घंटों वाले कारीगर
wages-earnings-col-below = कम
wages-earnings-below = { $legal } कानूनी न्यूनतम से कम
wages-earnings-below-both = { $legal } कानूनी न्यूनतम से कम, { $living } जीवन-निर्वाह मज़दूरी से कम
wages-earnings-per-artisan = कारीगर और महीने के अनुसार
wages-earnings-empty = इन महीनों में कोई घंटे, आय या बोनस नहीं।

## भुगतान दर्ज करना (payout.html)
wages-payout-heading = भुगतान दर्ज करें
wages-payout-hint = गोपनीय: इस पन्ने पर कानूनी नाम दिखते हैं; हर बार देखना ऑडिट लॉग में दर्ज होता है। मज़दूरी संहिता के अनुसार भुगतान अगले महीने की 7 तारीख़ तक होना चाहिए, बेहतर हो कि बैंक खाते में या इलेक्ट्रॉनिक ट्रांसफ़र से।
wages-payout-amount = भुगतान की गई राशि, ₹
wages-payout-date = भुगतान की तारीख़
wages-payout-method = भुगतान का तरीका
wages-payout-reference = संदर्भ
wages-payout-reference-hint = बैंक या UPI लेन-देन का संदर्भ (इनके लिए आवश्यक), या नकद के लिए रसीद संख्या।
wages-payout-submit = भुगतान दर्ज करें

## समायोजन (adjustments.html)
wages-adj-heading = समायोजन
wages-adj-intro = बही-खाते की किसी गलती को कभी बदला नहीं जाता: उसे समायोजन से सुधारा जाता है (उलटी राशि, कारण और जिस प्रविष्टि को वह सुधारता है उसके साथ)। समायोजन तभी गिना जाता है जब लेखा विभाग का कोई दूसरा व्यक्ति या कोई एडमिन उसे स्वीकृत करे।
wages-adj-decision-error = समायोजन #{ $id }: { $error }
wages-adj-caption = समायोजन, स्वीकृति की प्रतीक्षा वाले पहले
wages-adj-col-proposed-by = प्रस्तावक
wages-adj-col-decision = निर्णय
wages-adj-corrects-entry = (प्रविष्टि #{ $entry } का सुधार)
wages-adj-corrects-month = (बंद महीने { $month } का सुधार)
wages-adj-waiting = स्वीकृति की प्रतीक्षा में
wages-adj-note = टिप्पणी (वैकल्पिक)
wages-adj-approve = #{ $id } स्वीकृत करें
wages-adj-reject = #{ $id } अस्वीकार करें
wages-adj-you-proposed = यह प्रस्ताव आपका है: निर्णय किसी दूसरे व्यक्ति को लेना होगा।
wages-adj-approved = स्वीकृत
wages-adj-rejected = अस्वीकृत
wages-adj-decided-by = { $by } द्वारा, { $at }
wages-adj-none = अभी तक कोई समायोजन नहीं।
wages-adj-propose-heading = समायोजन का प्रस्ताव
wages-adj-amount = राशि, ₹
wages-adj-amount-hint = धनात्मक राशि कारीगर के देय में जुड़ती है; आगे ऋण चिह्न लगाने पर घटती है (जैसे -1500 दो बार गिनी गई मज़दूरी को उलट देता है)।
wages-adj-corrects = सुधारी जाने वाली प्रविष्टि #
wages-adj-corrects-month-label = सुधारा जाने वाला बंद महीना (YYYY-MM)
wages-adj-corrects-month-hint = बंद महीने में कोई प्रविष्टि नहीं हो सकती: सुधार को किसी खुले महीने की तारीख़ दें और बंद महीने का नाम यहाँ लिखें।
wages-adj-submit = समायोजन का प्रस्ताव भेजें

## बोनस का मिलान (reconciliation.html)
wages-rec-heading = बोनस का मिलान
wages-rec-intro = भुगतान हो चुके हर ऑर्डर के हर नग का बिक्री बोनस बही-खाते में होना चाहिए, और हर बिक्री बोनस किसी भुगतान हो चुके ऑर्डर का होना चाहिए। दर्ज हर बोनस को भुगतान के दिन की दर्ज विनिमय दर और उस दिन लागू नीति से दोबारा भी गिना जाता है।
wages-rec-clean = भुगतान हो चुके सभी { $count } ऑर्डर का मिलान हो गया: हर नग का बोनस दर्ज है, और हर बोनस किसी भुगतान हो चुके ऑर्डर का है।
wages-rec-paid-orders = भुगतान हो चुके { $count } ऑर्डर:
wages-rec-missing = { $count } नग जिनका बोनस नहीं,
wages-rec-orphans = { $count } बोनस प्रविष्टियाँ जिनका कोई भुगतान हुआ ऑर्डर नहीं,
wages-rec-wrong = { $count } बोनस अलग राशि वाले।
wages-rec-missing-heading = भुगतान हो चुके ऑर्डर जिनका बोनस नहीं है
wages-rec-col-order = ऑर्डर
wages-rec-col-paid-on = भुगतान की तारीख़
wages-rec-col-piece = नग
wages-rec-col-why = कारण
wages-rec-orphans-heading = बोनस जिनका कोई भुगतान हुआ ऑर्डर नहीं
wages-rec-col-entry = बही-खाते की प्रविष्टि
wages-rec-col-order-id = ऑर्डर आईडी
wages-rec-col-piece-id = नग आईडी
wages-rec-col-problem = समस्या
wages-rec-wrong-heading = बोनस जो दोबारा गिनती से मेल नहीं खाते
wages-rec-col-posted = दर्ज राशि
wages-rec-col-recomputed = दोबारा गिनी गई राशि
wages-rec-wrong-hint = गलत बोनस को समायोजन से सुधारा जाता है (किसी दूसरे व्यक्ति की स्वीकृति से); बही-खाते की प्रविष्टियाँ कभी बदली नहीं जातीं।

## देर से भुगतान (late.html)
wages-late-heading = देर से भुगतान
wages-late-intro = मज़दूरी संहिता (धारा 17) के अनुसार किसी महीने की मज़दूरी अगले महीने की 7 तारीख़ तक दी जानी चाहिए। भुगतान पहले सबसे पुराने महीने में गिने जाते हैं: कोई महीना तब देर से माना जाता है जब उसकी अंतिम तिथि तक किया गया कुल भुगतान उस महीने के अंत तक की पूरी कमाई को पूरा नहीं करता। { $today } (भारत) की स्थिति के अनुसार।
wages-late-filter = केंद्र और महीने चुनें
wages-late-count =
    { $count ->
        [one] { $count } महीना देर से
       *[other] { $count } महीने देर से
    }
wages-late-unpaid = { $count } का भुगतान अभी बाकी
wages-late-col-due = अंतिम तिथि
wages-late-col-earned-month = उस महीने की कमाई
wages-late-col-earned-through = महीने के अंत तक की कमाई
wages-late-col-paid-by-deadline = अंतिम तिथि तक भुगतान
wages-late-col-short = कमी
wages-late-col-covered = पूरा भुगतान हुआ
wages-late-still-unpaid = अभी बकाया
wages-late-none = { $from } से कोई भुगतान देर से नहीं हुआ: जिस भी महीने की अंतिम तिथि बीत चुकी है, उसकी पूरी मज़दूरी अगले महीने की 7 तारीख़ तक दी गई।

## बही-खाता (ledger.html)
wages-ledger-heading = मज़दूरी का बही-खाता
wages-ledger-hint = प्रविष्टियाँ कभी बदली या हटाई नहीं जातीं; सुधार एक नई प्रविष्टि होता है। समायोजन स्वीकृत होने पर ही गिना जाता है। राशियाँ कारीगर की ओर से हैं: कमाई धनात्मक, भुगतान ऋणात्मक।
wages-ledger-filter = बही-खाता छाँटें
wages-ledger-artisan = कारीगर की सार्वजनिक आईडी
wages-ledger-from = से
wages-ledger-to = तक
wages-ledger-clear = साफ़ करें
wages-ledger-caption = बही-खाते की प्रविष्टियाँ, सबसे नई पहले
wages-ledger-col-kind = प्रकार
wages-ledger-col-piece-order = नग / ऑर्डर
wages-ledger-col-details = विवरण
wages-ledger-col-recorded-by = किसने दर्ज किया
wages-ledger-col-hash = हैश
wages-ledger-not-counted = गिना नहीं गया
wages-ledger-piece = नग { $id }
wages-ledger-order = ऑर्डर { $id }
wages-ledger-none = कोई प्रविष्टि नहीं।
wages-ledger-none-filter = इस छँटाई से कोई प्रविष्टि मेल नहीं खाती।
wages-ledger-pages = पन्ने
wages-ledger-newer = नई प्रविष्टियाँ
wages-ledger-older = पुरानी प्रविष्टियाँ

## कारीगर का मज़दूरी विवरण (statement.html)
wages-st-heading = मज़दूरी विवरण — { $month }
wages-st-nav = दूसरे महीने और प्रारूप
wages-st-csv = CSV के रूप में डाउनलोड करें
wages-st-center-month = { $center }, यही महीना
wages-st-slip = वेतन पर्ची (कारीगर की भाषा में, A5)
wages-st-confidential = गोपनीय: कानूनी नाम केवल लेखा विभाग को दिखता है, और यह देखना आपके नाम से ऑडिट लॉग में दर्ज होता है। ब्राउज़र के प्रिंट कमांड से प्रिंट करें; बैक ऑफ़िस की पट्टी प्रिंट में नहीं आती।
wages-st-name = नाम
wages-st-alias = दुकान में इस नाम से
wages-st-workshop = कार्यशाला
wages-st-month = महीना
wages-st-month-due = { $month } (मज़दूरी { $deadline } तक देय)
wages-st-summary = सारांश
wages-st-balance-start = महीने की शुरुआत में देय
wages-st-wages-earned = कमाई गई मज़दूरी ({ $pieces } नग, उन पर दर्ज { $hours } घंटे)
wages-st-top-ups-included = न्यूनतम मज़दूरी की भरपाई सहित
wages-st-bonuses = बिक्री बोनस
wages-st-adjustments = समायोजन (स्वीकृत)
wages-st-paid = इस महीने किया गया भुगतान
wages-st-balance-end = महीने के अंत में बाकी देय
wages-st-truth = न्यूनतम सीमाओं की तुलना में महीना (हाज़िरी रजिस्टर)
wages-st-register-hours = हाज़िरी रजिस्टर में भुगतान योग्य घंटे
wages-st-income = बिक्री बोनस के बिना आय (वेतन या नग के हिसाब से मज़दूरी, ओवरटाइम, भरपाई, समायोजन)
wages-st-legal = इन घंटों के लिए कानूनी न्यूनतम
wages-st-living = इन घंटों के लिए जीवन-निर्वाह मज़दूरी
wages-st-top-up-due = महीने का हिसाब बंद होने पर दर्ज होने वाली भरपाई (अभी शेष राशि में नहीं)
wages-st-bonuses-apart = बिक्री बोनस (अलग: किसी भी सीमा में कभी नहीं गिना जाता)
wages-st-below-legal = घंटों के हिसाब से कानूनी न्यूनतम से कम।
wages-st-below-living = घंटों के हिसाब से जीवन-निर्वाह मज़दूरी से कम।
wages-st-no-register = इस महीने हाज़िरी रजिस्टर में कोई घंटे नहीं: आय की तुलना न्यूनतम सीमाओं से नहीं की गई।
wages-st-late = इस महीने की पूरी मज़दूरी { $deadline } तक नहीं दी गई।
wages-st-pending = इस महीने के { $count } समायोजन किसी दूसरे व्यक्ति की स्वीकृति की प्रतीक्षा में हैं और अभी गिने नहीं गए।
wages-st-pieces-heading = स्वीकार किए गए नग
wages-st-col-sku = SKU
wages-st-col-piece = नग
wages-st-col-hours = घंटे
wages-st-col-wage-share = मज़दूरी का हिस्सा
wages-st-no-pieces = इस महीने कोई नग स्वीकार नहीं हुआ।
wages-st-top-ups-heading = न्यूनतम मज़दूरी की भरपाई
wages-st-col-for-hours = भुगतान योग्य घंटों के लिए
wages-st-bonuses-heading = बिक्री बोनस
wages-st-col-order = ऑर्डर
wages-st-col-rate = दर
wages-st-bonus-rate = शुद्ध बिक्री का { $percent }%
wages-st-no-bonuses = इस महीने कोई बिक्री बोनस नहीं।
wages-st-adjustments-heading = समायोजन
wages-st-no-adjustments = इस महीने कोई समायोजन नहीं।
wages-st-payments-heading = भुगतान
wages-st-col-method = तरीका
wages-st-col-reference = संदर्भ
wages-st-no-payments = इस महीने कोई भुगतान नहीं।
wages-st-received-by = प्राप्तकर्ता:
wages-st-date = तारीख़:

## मज़दूरी नीति (policy.html)
wages-policy-heading = मज़दूरी नीति
wages-policy-intro = हर केंद्र की कानूनी न्यूनतम मज़दूरी (कुशल श्रेणी), जीवन-निर्वाह मज़दूरी का मानक, मानक घंटे, लक्ष्य गुणक और बिक्री बोनस का प्रतिशत, जिस तारीख़ से वे लागू होते हैं। पिछले महीनों को हमेशा उस समय लागू संस्करण से ही परखा जाता है।
wages-policy-caption = { $city } की नीति के संस्करण, सबसे नया पहले
wages-policy-col-from = से लागू
wages-policy-col-legal = कानूनी न्यूनतम / माह
wages-policy-col-living = जीवन-निर्वाह मज़दूरी / माह
wages-policy-col-hours = घंटे / माह
wages-policy-col-target = लक्ष्य ×
wages-policy-col-bonus = बिक्री बोनस
wages-policy-col-deductions = अनुमत कटौतियाँ
wages-policy-col-source = स्रोत
wages-policy-col-recorded = दर्ज
wages-policy-in-force = लागू
wages-policy-none = अभी कोई संस्करण नहीं।
wages-policy-add-heading = नया संस्करण जोड़ें
wages-policy-prefilled = लागू संस्करण से पहले से भरा हुआ। राशियाँ रुपये में। दरें हर जनवरी और जुलाई में संशोधित होती हैं।
wages-policy-prefilled-center = चुने गए केंद्र पर लागू संस्करण से पहले से भरा हुआ। राशियाँ रुपये में। दरें हर जनवरी और जुलाई में संशोधित होती हैं।
wages-policy-effective-from = किस तारीख़ से लागू
wages-policy-legal-min = कानूनी न्यूनतम प्रति माह, ₹
wages-policy-living-wage = जीवन-निर्वाह मज़दूरी प्रति माह, ₹
wages-policy-living-wage-hint = जब तक कोई आँकड़ा न हो, खाली छोड़ें; पन्ने बताएँगे कि लेखा विभाग को इसे भरना है।
wages-policy-standard-hours = प्रति माह मानक घंटे
wages-policy-standard-hours-hint = 208 = 8 घंटे × 26 भुगतान वाले दिन (1 से 300)।
wages-policy-multiplier = लक्ष्य गुणक
wages-policy-multiplier-hint = प्रस्तावित नग मज़दूरी = घंटे × यह गुणक × प्रति घंटा जीवन-निर्वाह मज़दूरी, जैसे 1.2।
wages-policy-bonus = बिक्री बोनस, शुद्ध बिक्री का %
wages-policy-deductions = इस नीति में अनुमत कटौतियाँ (मज़दूरी संहिता धारा 18; सब मिलाकर कभी भी महीने की मज़दूरी के आधे से अधिक नहीं; जुर्माना कभी नहीं काटा जाता)
wages-policy-source = आँकड़ों का स्रोत
wages-policy-submit = यह संस्करण जोड़ें
wages-policy-deductions-none = कोई नहीं

## बैक ऑफ़िस में कटौती के प्रकार (कोड के अनुसार)
wages-deduction-absence = ड्यूटी से अनुपस्थिति
wages-deduction-advance_recovery = अग्रिम या अधिक भुगतान की वसूली
wages-deduction-loan_recovery = ऋण की वसूली
wages-deduction-housing = दिया गया आवास
wages-deduction-amenities = दी गई सुविधाएँ और सेवाएँ
wages-deduction-income_tax = आयकर
wages-deduction-court_order = न्यायालय या प्राधिकरण का आदेश
wages-deduction-provident_fund = भविष्य निधि या पेंशन
wages-deduction-social_security = सामाजिक सुरक्षा (ESI, बीमा)

## बैक ऑफ़िस में बही-खाते की प्रविष्टियों के प्रकार (कोड के अनुसार)
wages-entry-wage_earned = कमाई गई मज़दूरी
wages-entry-sale_bonus = बिक्री बोनस
wages-entry-payout = किया गया भुगतान
wages-entry-adjustment = समायोजन
wages-entry-adjustment_approved = समायोजन स्वीकृत
wages-entry-adjustment_rejected = समायोजन अस्वीकृत
wages-entry-minimum_wage_top_up = न्यूनतम मज़दूरी की भरपाई
wages-entry-salary = वेतन या वृत्तिका
wages-entry-overtime_premium = ओवरटाइम (दोगुनी दर)
wages-entry-deduction = कटौती

## विनिमय दरें (rates.html)
wages-rates-heading = विनिमय दरें
wages-rates-intro = बिक्री बोनस को उस दिन के लिए दर्ज दर पर रुपये में बदला जाता है जिस दिन ऑर्डर का भुगतान हुआ। जिस दिन की दर दर्ज नहीं, उस दिन भुगतान हुए ऑर्डर के बोनस प्रतीक्षा में रहते हैं, और यहाँ दर दर्ज होते ही बही-खाते में लिखे जाते हैं।
wages-rates-record-heading = दर दर्ज करें
wages-rates-currency = बिक्री की मुद्रा
wages-rates-day = दिन
wages-rates-rate = प्रति इकाई रुपये
wages-rates-rate-hint = जैसे 84.25 (दशमलव के बाद 6 अंकों तक, दशमलव के लिए बिंदु)।
wages-rates-source = स्रोत
wages-rates-source-hint = दर कहाँ से ली गई, जैसे “RBI संदर्भ दर” (इस मुद्रा में भुगतान करने वाले खरीदारों से इसी दर पर शुल्क लिया जाता है)।
wages-rates-submit = दर दर्ज करें
wages-rates-recorded-heading = दर्ज दरें
wages-rates-caption = दर्ज विनिमय दरें, सबसे हाल की पहले
wages-rates-col-currency = मुद्रा
wages-rates-col-rate = ₹ प्रति इकाई
wages-rates-col-recorded = दर्ज
wages-rates-none = अभी तक कोई दर दर्ज नहीं।
wages-recorded-by-at = { $by }, { $at }

## हाज़िरी रजिस्टर (register.html)
wages-register-back = रोज़गार की शर्तें
wages-register-heading = हाज़िरी रजिस्टर: { $city }, { $week } से शुरू सप्ताह
wages-register-intro = हर कारीगर के प्रतिदिन के घंटे, प्रकार के अनुसार (8, 7.5 या 7.25)। दिन में 8 घंटे या सप्ताह में 48 घंटे से अधिक ओवरटाइम है, जिसकी मज़दूरी सामान्य दर से दोगुनी है। अवैतनिक छुट्टी दर्ज होती है पर उसका भुगतान नहीं होता; बंद महीना बदला नहीं जा सकता।
wages-register-weeks = दूसरे सप्ताह
wages-register-prev = पिछला सप्ताह
wages-register-next = अगला सप्ताह
wages-register-week-of = सप्ताह का पहला दिन
wages-register-caption = { $week } से शुरू सप्ताह के घंटे, हर कारीगर और घंटों के प्रकार की एक पंक्ति
wages-register-col-artisan-kind = कारीगर और घंटों का प्रकार
wages-register-no-artisans = इस केंद्र में अभी कोई कारीगर नहीं है।
wages-register-save = सप्ताह सहेजें
wages-register-confirm-heading = कारीगर द्वारा पुष्टि
wages-register-confirm-hint = हर कारीगर को उनका सप्ताह पढ़कर सुनाएँ (या उन्हें पढ़ने दें)। सहमत होने पर वह दिन दर्ज करें जिस दिन उन्होंने पुष्टि की। बाद में सप्ताह बदलने पर पुष्टि रद्द हो जाती है।
wages-register-confirm-caption = { $week } से शुरू सप्ताह की पुष्टि किसने की
wages-register-col-confirmed = पुष्टि
wages-register-col-record = पुष्टि दर्ज करें
wages-register-confirmed-on = { $date } को ({ $by } ने दर्ज किया)
wages-register-not-yet = अभी नहीं
wages-register-no-hours = इस सप्ताह कोई घंटे नहीं
wages-register-confirm-day = जिस दिन { $alias } ने पुष्टि की
wages-register-record = दर्ज करें
wages-register-import-heading = CSV फ़ाइल से घंटे आयात करें
wages-register-import-columns = कॉलम
wages-register-import-hint = और यही शीर्ष पंक्ति; कारीगर उपनाम या आईडी से, तारीख़ 2026-11-02 की तरह, प्रकार production, training, design, rework, waiting, leave_paid, leave_unpaid, holiday में से एक, और घंटे 8 या 7.5 की तरह (0 से खाना खाली होता है)। हर पंक्ति उस कारीगर के उस दिन के उस प्रकार के घंटों की जगह लेती है; रजिस्टर का बाकी हिस्सा वैसा ही रहता है। सभी समस्याएँ एक साथ दिखाई जाती हैं और फ़ाइल ठीक होने तक कुछ भी सहेजा नहीं जाता।
wages-register-csv-file = CSV फ़ाइल
wages-register-import = आयात करें

## रोज़गार की शर्तें (terms.html)
wages-terms-heading = रोज़गार की शर्तें
wages-terms-intro = हर कारीगर को कैसे भुगतान होता है, हर संस्करण लागू होने के दिन से। शर्तें जो भी हों, किसी महीने का भुगतान हाज़िरी रजिस्टर के भुगतान योग्य घंटों की कानूनी न्यूनतम मज़दूरी से कभी कम नहीं होता: महीने का हिसाब बंद करते समय भरपाई की जाती है।
wages-terms-caption = कारीगर के अनुसार रोज़गार की शर्तें, सबसे नया संस्करण पहले
wages-terms-col-from = से
wages-terms-col-until = तक
wages-terms-col-amount = मासिक राशि
wages-terms-col-hours = घंटे / माह
wages-terms-col-note = टिप्पणी
wages-terms-col-recorded = दर्ज
wages-terms-none = कोई शर्तें दर्ज नहीं: नग के हिसाब से, न्यूनतम मज़दूरी की गारंटी के साथ परखा जाता है।
wages-terms-add-heading = नया संस्करण जोड़ें
wages-terms-artisan-option = { $alias } ({ $city })
wages-terms-effective-from = किस तारीख़ से लागू
wages-terms-ends-on = रोज़गार का अंतिम दिन
wages-terms-basis = वेतन का आधार
wages-terms-salary = मासिक वेतन या वृत्तिका, ₹
wages-terms-salary-hint = मासिक वेतन या प्रशिक्षु वृत्तिका के लिए; नग के हिसाब से मज़दूरी के लिए खाली छोड़ें।
wages-terms-hours = प्रति माह मानक घंटे
wages-terms-hours-hint = 208 = 8 घंटे × 26 भुगतान वाले दिन।
wages-terms-note = टिप्पणी
wages-terms-submit = ये शर्तें सहेजें

## कटौती दर्ज करना (deduction.html)
wages-deduct-heading = कटौती दर्ज करें
wages-deduct-hint = गोपनीय: इस पन्ने पर कानूनी नाम दिखते हैं; हर बार देखना ऑडिट लॉग में दर्ज होता है। केवल वही कटौतियाँ दर्ज हो सकती हैं जो मज़दूरी नीति में हैं (मज़दूरी संहिता धारा 18); जुर्माना कभी नहीं काटा जाता; किसी महीने की सभी कटौतियाँ मिलाकर उस महीने की मज़दूरी के आधे से अधिक नहीं होतीं। हर कटौती अपने कारण के साथ कारीगर की वेतन पर्ची पर दिखती है।
wages-deduct-artisan-option = { $alias } — { $legal_name } ({ $center })
wages-deduct-kind = कटौती का प्रकार
wages-deduct-amount = काटी गई राशि, ₹
wages-deduct-day = किस दिन के लिए
wages-deduct-submit = कटौती दर्ज करें

## पन्नों के हैंडलर द्वारा दिखाई जाने वाली सूचनाएँ और चेतावनियाँ
wages-no-living-wage = { $city } के लिए जीवन-निर्वाह मज़दूरी का कोई आँकड़ा नहीं है: लेखा विभाग को इसे भरना होगा (मज़दूरी नीति का पन्ना)।
wages-no-living-wage-short = { $city } के लिए जीवन-निर्वाह मज़दूरी का कोई आँकड़ा नहीं है: लेखा विभाग को इसे भरना होगा।
wages-notice-payout = भुगतान बही-खाते में दर्ज हो गया है; नीचे की शेष राशि में यह शामिल है।
wages-notice-deduction = कटौती बही-खाते में दर्ज हो गई है; यह अपने कारण के साथ वेतन पर्ची पर दिखेगी।
wages-notice-adj-proposed = समायोजन बही-खाते में है। यह तभी गिना जाएगा जब लेखा विभाग का कोई दूसरा व्यक्ति या कोई एडमिन इसे स्वीकृत करे।
wages-notice-adj-approved = समायोजन स्वीकृत हो गया है; अब यह कारीगर की शेष राशि में गिना जाता है।
wages-notice-adj-rejected = समायोजन अस्वीकार कर दिया गया है; यह किसी शेष राशि में कभी नहीं गिना जाएगा।
wages-notice-week-saved = सप्ताह सहेज लिया गया है।
wages-no-policy = { $city } के लिए कोई मज़दूरी नीति लागू नहीं है: लेखा विभाग को एक नीति जोड़नी होगी।
