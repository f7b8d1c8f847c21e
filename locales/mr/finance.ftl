# लेखा विभागाची बॅक ऑफिसमधील इतर पाने: इनव्हॉइस, नगाचा खर्च आणि सोन्याचे दर, गोपनीयतेच्या
# विनंत्या, ऑडिट लॉग आणि दुकानाची धोरणे. शब्द locales/GLOSSARY.md प्रमाणे.

fin-required = (आवश्यक)
fin-show = दाखवा
fin-prev-month = मागील महिना
fin-next-month = पुढील महिना
fin-download-csv = CSV म्हणून डाउनलोड करा
fin-nothing-saved = काहीही जतन झाले नाही; कृपया खाली खूण केलेली क्षेत्रे दुरुस्त करा.
fin-nothing-recorded = काहीही नोंदवले गेले नाही; कृपया खाली खूण केलेली क्षेत्रे दुरुस्त करा.
fin-recorded-by-at = { $by }, { $at }

## इनव्हॉइस आणि क्रेडिट नोट (invoices/list.html)
fin-invoices-title = इनव्हॉइस
fin-invoices-heading = इनव्हॉइस आणि क्रेडिट नोट, { $month }
fin-invoices-intro = महिन्यात दिलेले, पैसे भरलेल्या प्रत्येक ऑर्डरचे कर इनव्हॉइस आणि प्रत्येक परताव्याची क्रेडिट नोट (भारतातील दिनांक). खरेदीदार ग्राहक आहेत (B2C): खरेदीदाराचा GSTIN नाही. बेरजेत क्रेडिट नोट उणे धरल्या जातात.
fin-invoices-month = महिना (YYYY-MM)
fin-invoices-none = { $month } मध्ये एकही इनव्हॉइस किंवा क्रेडिट नोट दिली गेली नाही.
fin-invoices-count = { $count } दस्तऐवज
fin-invoices-col-document = दस्तऐवज
fin-invoices-col-number = क्रमांक
fin-invoices-col-date = दिनांक
fin-invoices-col-place = पुरवठ्याचे ठिकाण
fin-invoices-col-export = निर्यात
fin-invoices-col-taxable = करपात्र मूल्य
fin-invoices-col-cgst = CGST
fin-invoices-col-sgst = SGST
fin-invoices-col-igst = IGST
fin-invoices-col-total = एकूण
fin-invoices-export-yes = होय (LUT)
fin-invoices-export-no = नाही
fin-invoices-sum = { $currency } मधील बेरीज
fin-invoices-kind-invoice = कर इनव्हॉइस
fin-invoices-kind-credit_note = क्रेडिट नोट

## नगाचा खर्च (pricing/costs.html)
fin-costs-heading = { $title } चा खर्च
fin-costs-intro = SKU { $sku }. हे आकडे, खातेवहीतील कारागिरांची मजुरी आणि त्या दिवसाचा सोन्याचा दर मिळून नगाच्या सार्वजनिक पानावरील "तुमचे पैसे कुठे जातात" तयार होते. हे जतन होईपर्यंत पान फक्त कारागिरांची मजुरी दाखवते आणि उरलेले अजून नोंदलेले नाही असे सांगते.
fin-costs-gold-rate = सोन्याचे मूल्य ताज्या दराने: प्रति ग्रॅम शुद्ध सोने { $rate } ({ $date }).
fin-costs-no-gold-rate = अजून सोन्याचा दर नोंदलेला नाही: लेखा विभाग तो सोन्याच्या दरांच्या पानावर नोंदवतो.
fin-costs-last-saved = शेवटचे जतन: { $by }, { $at }.
fin-costs-form-heading = नोंदलेला खर्च, रुपयांत
fin-costs-stones = खडे (₹)
fin-costs-stones-hint = नगात बसवलेल्या खड्यांसाठी कार्यशाळेने दिलेली रक्कम; खडे नसल्यास 0.
fin-costs-hallmarking = हॉलमार्किंग (₹)
fin-costs-hallmarking-hint = तपासणी केंद्रातील चाचणी आणि HUID सह BIS हॉलमार्क.
fin-costs-packing = शिपिंग आणि पॅकिंग (₹)
fin-costs-packing-hint = पॅकिंग, विमा आणि चेकआउटवरील शिपिंग शुल्कातून भरून न निघणारा शिपिंगचा भाग.
fin-costs-submit = खर्च जतन करा

## सोन्याचे दर (pricing/gold_rates.html)
fin-gold-back = मजुरी
fin-gold-heading = सोन्याचे दर
fin-gold-intro = एखाद्या दिवशी एक ग्रॅम शुद्ध (24 कॅरेट) सोन्याची किंमत, लेखा विभाग वाचतो तशी. प्रत्येक नगाचे पान त्यातील सोन्याचे मूल्य त्या दिवशी किंवा त्याआधी नोंदलेल्या ताज्या दराने दाखवते: निव्वळ वजन × शुद्धतेनुसार सोन्याचा वाटा × हा दर. त्याच दिवसाचा दर पुन्हा नोंदवल्यास तो दुरुस्त होतो; आधीचा आकडा खालील इतिहासात आणि ऑडिट लॉगमध्ये राहतो.
fin-gold-record-heading = दराची नोंद करा
fin-gold-day = दिवस
fin-gold-currency = चलन
fin-gold-rate = एक ग्रॅम शुद्ध सोन्याची किंमत
fin-gold-rate-hint = उदा. 7812.50 (दशांश चिन्हानंतर जास्तीत जास्त 2 अंक, दशांशासाठी बिंदू).
fin-gold-source = स्रोत
fin-gold-source-hint = दर कुठे वाचला, उदा. "IBJA 999, दुपारचा दर".
fin-gold-submit = दराची नोंद करा
fin-gold-recorded-heading = नोंदलेले दर
fin-gold-caption = नोंदलेले सोन्याचे दर, अलीकडील आधी, दुरुस्त्यांसह
fin-gold-col-per-gram = प्रति ग्रॅम शुद्ध सोने
fin-gold-col-recorded = नोंद
fin-gold-col-in-force = लागू
fin-gold-yes = होय
fin-gold-corrected = नाही (दुरुस्त केला)
fin-gold-none = अजून सोन्याचा दर नोंदलेला नाही: नगांची पाने फक्त कारागिरांची मजुरी दाखवतात.

## गोपनीयतेच्या विनंत्या (privacy/index.html)
fin-privacy-heading = गोपनीयतेच्या विनंत्या
fin-privacy-intro = ग्राहक त्यांच्या ऑर्डरच्या पानावरून त्यांच्या माहितीची प्रत किंवा ती पुसून टाकण्याची विनंती करतात; दोन्ही लगेच पूर्ण होतात आणि इथे (आणि ऑडिट लॉगमध्ये) नोंदवल्या जातात. पुसताना, { $years } वर्षांपेक्षा कमी जुन्या ऑर्डरसाठी फक्त कर इनव्हॉइसला लागणारी माहिती (नाव, राज्य, पिन कोड, देश, रकमा, नग) ठेवली जाते आणि बाकी झाकली जाते; एखादी ऑर्डर अजून सुरू असल्यास विनंती नाकारली जाते. ऑर्डर { $years } वर्षे जुन्या झाल्यावर माहिती-जतन प्रक्रिया त्या पूर्णपणे झाकते. इथे ग्राहकांचा उल्लेख फक्त त्यांच्या ऑर्डरच्या संदर्भाने होतो.
fin-privacy-none = अजून एकही विनंती नाही.
fin-privacy-col-kind = प्रकार
fin-privacy-col-order = वापरलेली ऑर्डर लिंक
fin-privacy-col-status = स्थिती
fin-privacy-col-received = मिळाली
fin-privacy-col-completed = पूर्ण
fin-privacy-col-outcome = काय केले, काय ठेवले आणि का
fin-privacy-limit = फक्त अलीकडील { $limit } दाखवल्या आहेत.
fin-privacy-kind-export = त्यांच्या माहितीची प्रत
fin-privacy-kind-erasure = पुसून टाकणे
fin-privacy-kind-retention = माहिती-जतन प्रक्रिया
fin-privacy-status-completed = पूर्ण
fin-privacy-status-refused = नाकारली

## ऑडिट लॉग (audit/index.html)
fin-audit-heading = ऑडिट लॉग
fin-audit-intro = कर्मचाऱ्यांचा प्रत्येक बदल आणि खाजगी माहिती प्रत्येक वेळी पाहिल्याची नोंद, नवीन आधी. नोंदी बदलता किंवा काढता येत नाहीत.
fin-audit-actor = कर्ता (ईमेल, किंवा
fin-audit-actor-end = )
fin-audit-action = कृती
fin-audit-entity-type = घटकाचा प्रकार
fin-audit-from = पासून (UTC दिवस)
fin-audit-to = पर्यंत (UTC दिवस, समाविष्ट)
fin-audit-filter = गाळा
fin-audit-count =
    { $count ->
        [one] { $count } नोंद
       *[other] { $count } नोंदी
    }
fin-audit-page = पान { $page } / { $pages }
fin-audit-download = या नोंदी CSV म्हणून डाउनलोड करा
fin-audit-download-logged = (डाउनलोडचीही नोंद होते)
fin-audit-col-when = केव्हा
fin-audit-col-actor = कर्ता
fin-audit-col-action = कृती
fin-audit-col-entity = घटक
fin-audit-col-center = केंद्र
fin-audit-col-ip = IP
fin-audit-col-details = तपशील
fin-audit-none = या गाळणीशी जुळणारी एकही नोंद नाही.
fin-audit-pages = पाने
fin-audit-newer = नवीन
fin-audit-older = जुन्या

## दुकानाची धोरणे (policies/list.html, policies/edit.html)
fin-policies-heading = दुकानाची धोरणे
fin-policies-intro = प्रत्येक सार्वजनिक पान त्याच्या तळटिपेत आणि चेकआउट पैसे भरण्याआधी ज्या मजकुरांना जोडते ते: शिपिंग, परतावा आणि रिफंड, गोपनीयता, विक्रीच्या अटी आणि तक्रार निवारण अधिकारी (ग्राहक संरक्षण (ई-कॉमर्स) नियम, 2020). प्रत्येक जतनाने नवी आवृत्ती तयार होते; आधीच्या आवृत्त्या सार्वजनिक पानांवर वाचता येतात, आणि प्रत्येक ऑर्डर तिच्या खरेदीदाराने स्वीकारलेल्या अटी आणि परतावा धोरणाच्या आवृत्त्या जपते.
fin-policies-caption = दुकानाची धोरणे आणि प्रत्येकाची लागू आवृत्ती
fin-policies-col-policy = धोरण
fin-policies-col-in-effect = लागू
fin-policies-col-versions = आवृत्त्या
fin-policies-col-last-saved = शेवटचे जतन
fin-policies-version-since = आवृत्ती { $version }, { $date } पासून
fin-policies-none-yet = अजून नाही
fin-policies-public-page = सार्वजनिक पान:
fin-policies-saving-makes = जतन केल्यावर आवृत्ती { $version } तयार होईल; त्याआधीच्या आवृत्त्या जशा आहेत तशाच राहतील, सार्वजनिक पानावर वाचता येतील.
fin-policies-preview-heading = पूर्वावलोकन (जतन केलेले नाही)
fin-policies-write = आवृत्ती { $version } लिहा
fin-policies-text = मजकूर (Markdown)
fin-policies-text-hint-headings = शीर्षके
fin-policies-text-hint-lists = ने, याद्या
fin-policies-text-hint-links = ने, दुवे
fin-policies-text-hint-tables = असे, तक्ते
fin-policies-text-hint-end = ने. HTML मजकूर म्हणून दिसते, चालवले जात नाही; दुवे फक्त http(s), mailto किंवा याच साइटवर जातात.
fin-policies-effective = या दिवसापासून लागू
fin-policies-effective-hint = आज ({ $today }, UTC) किंवा नंतरचा दिवस; तोपर्यंत लागू असलेली आवृत्ती सार्वजनिक पानावर राहते.
fin-policies-preview = पूर्वावलोकन
fin-policies-save = आवृत्ती { $version } जतन करा
fin-policies-versions = आवृत्त्या
fin-policies-versions-caption = या धोरणाच्या सर्व आवृत्त्या, नवीन आधी
fin-policies-col-version = आवृत्ती
fin-policies-col-takes-effect = लागू होण्याचा दिवस
fin-policies-col-saved-by = कोणी जतन केले
fin-policies-col-status = स्थिती
fin-policies-version = आवृत्ती { $version }
fin-policies-in-effect = लागू
fin-policies-scheduled = नियोजित
fin-policies-replaced = बदलली
fin-policies-no-version = अजून एकही आवृत्ती नाही.
