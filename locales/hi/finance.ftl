# लेखा विभाग के बैक ऑफ़िस के दूसरे पन्ने: इनवॉइस, नग की लागत और सोने के भाव, निजता अनुरोध,
# ऑडिट लॉग और दुकान की नीतियाँ। शब्द locales/GLOSSARY.md के अनुसार।

fin-required = (आवश्यक)
fin-show = दिखाएँ
fin-prev-month = पिछला महीना
fin-next-month = अगला महीना
fin-download-csv = CSV के रूप में डाउनलोड करें
fin-nothing-saved = कुछ भी सहेजा नहीं गया; कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
fin-nothing-recorded = कुछ भी दर्ज नहीं हुआ; कृपया नीचे चिह्नित फ़ील्ड ठीक करें।
fin-recorded-by-at = { $by }, { $at }

## इनवॉइस और क्रेडिट नोट (invoices/list.html)
fin-invoices-title = इनवॉइस
fin-invoices-heading = इनवॉइस और क्रेडिट नोट, { $month }
fin-invoices-intro = महीने में जारी भुगतान हो चुके हर ऑर्डर का टैक्स इनवॉइस और हर रिफ़ंड का क्रेडिट नोट (भारत की तारीख़)। खरीदार उपभोक्ता हैं (B2C): खरीदार का GSTIN नहीं। जोड़ में क्रेडिट नोट ऋणात्मक गिने जाते हैं।
fin-invoices-month = महीना (YYYY-MM)
fin-invoices-none = { $month } में कोई इनवॉइस या क्रेडिट नोट जारी नहीं हुआ।
fin-invoices-count = { $count } दस्तावेज़
fin-invoices-col-document = दस्तावेज़
fin-invoices-col-number = संख्या
fin-invoices-col-date = तारीख़
fin-invoices-col-place = आपूर्ति का स्थान
fin-invoices-col-export = निर्यात
fin-invoices-col-taxable = कर योग्य मूल्य
fin-invoices-col-cgst = CGST
fin-invoices-col-sgst = SGST
fin-invoices-col-igst = IGST
fin-invoices-col-total = कुल
fin-invoices-export-yes = हाँ (LUT)
fin-invoices-export-no = नहीं
fin-invoices-sum = { $currency } में जोड़
fin-invoices-kind-invoice = टैक्स इनवॉइस
fin-invoices-kind-credit_note = क्रेडिट नोट

## नग की लागत (pricing/costs.html)
fin-costs-heading = { $title } की लागत
fin-costs-intro = SKU { $sku }। ये आँकड़े, बही-खाते में कारीगरों की मज़दूरी और उस दिन का सोने का भाव मिलकर नग के सार्वजनिक पन्ने पर "आपका पैसा कहाँ जाता है" बनाते हैं। जब तक ये सहेजे नहीं जाते, पन्ना केवल कारीगरों की मज़दूरी दिखाता है और बताता है कि बाकी अभी दर्ज नहीं है।
fin-costs-gold-rate = सोने का मूल्य नवीनतम भाव पर: { $rate } प्रति ग्राम शुद्ध सोना ({ $date })।
fin-costs-no-gold-rate = अभी तक सोने का कोई भाव दर्ज नहीं: लेखा विभाग इसे सोने के भाव वाले पन्ने पर दर्ज करता है।
fin-costs-last-saved = अंतिम बार { $by } ने { $at } को सहेजा।
fin-costs-form-heading = दर्ज लागत, रुपये में
fin-costs-stones = जड़े हुए पत्थर (₹)
fin-costs-stones-hint = नग में जड़े पत्थरों के लिए कार्यशाला ने जो चुकाया; कोई पत्थर न हो तो 0।
fin-costs-hallmarking = हॉलमार्किंग (₹)
fin-costs-hallmarking-hint = परख केंद्र पर जाँच और HUID सहित BIS हॉलमार्क।
fin-costs-packing = शिपिंग और पैकिंग (₹)
fin-costs-packing-hint = पैकिंग, बीमा और शिपिंग का वह हिस्सा जो चेकआउट पर लिया गया शिपिंग शुल्क पूरा नहीं करता।
fin-costs-submit = लागत सहेजें

## सोने के भाव (pricing/gold_rates.html)
fin-gold-back = मज़दूरी
fin-gold-heading = सोने के भाव
fin-gold-intro = किसी दिन एक ग्राम शुद्ध (24 कैरेट) सोने का भाव, जैसा लेखा विभाग पढ़ता है। हर नग का पन्ना उसके सोने का मूल्य उस दिन या उससे पहले दर्ज नवीनतम भाव पर दिखाता है: शुद्ध वज़न × शुद्धता के अनुसार सोने का हिस्सा × यह भाव। उसी दिन का भाव दोबारा दर्ज करने से वह सुधर जाता है; पहले वाला आँकड़ा नीचे के इतिहास और ऑडिट लॉग में रहता है।
fin-gold-record-heading = भाव दर्ज करें
fin-gold-day = दिन
fin-gold-currency = मुद्रा
fin-gold-rate = एक ग्राम शुद्ध सोने का भाव
fin-gold-rate-hint = जैसे 7812.50 (दशमलव के बाद अधिकतम 2 अंक, दशमलव के लिए बिंदु)।
fin-gold-source = स्रोत
fin-gold-source-hint = भाव कहाँ से पढ़ा गया, जैसे "IBJA 999, दोपहर का भाव"।
fin-gold-submit = भाव दर्ज करें
fin-gold-recorded-heading = दर्ज भाव
fin-gold-caption = दर्ज सोने के भाव, सबसे हाल के पहले, सुधारों सहित
fin-gold-col-per-gram = प्रति ग्राम शुद्ध सोना
fin-gold-col-recorded = दर्ज
fin-gold-col-in-force = लागू
fin-gold-yes = हाँ
fin-gold-corrected = नहीं (सुधारा गया)
fin-gold-none = अभी तक सोने का कोई भाव दर्ज नहीं: नगों के पन्ने केवल कारीगरों की मज़दूरी दिखाते हैं।

## निजता अनुरोध (privacy/index.html)
fin-privacy-heading = निजता अनुरोध
fin-privacy-intro = ग्राहक अपने ऑर्डर के पन्ने से अपने डेटा की प्रति या उसे मिटाने का अनुरोध करते हैं; दोनों तुरंत पूरे होते हैं और यहाँ (और ऑडिट लॉग में) दर्ज होते हैं। मिटाने पर, { $years } वर्ष से कम पुराने ऑर्डर के लिए केवल वही रखा जाता है जो टैक्स इनवॉइस के लिए ज़रूरी है (नाम, राज्य, पिन कोड, देश, राशियाँ, नग) और बाकी छिपा दिया जाता है; कोई ऑर्डर अभी चल रहा हो तो मिटाने से मना किया जाता है। { $years } वर्ष पुराने होने पर रिटेंशन जॉब ऑर्डर को पूरी तरह छिपा देता है। यहाँ ग्राहकों का उल्लेख केवल उनके ऑर्डर के संदर्भ से होता है।
fin-privacy-none = अभी तक कोई अनुरोध नहीं।
fin-privacy-col-kind = प्रकार
fin-privacy-col-order = इस्तेमाल हुआ ऑर्डर लिंक
fin-privacy-col-status = स्थिति
fin-privacy-col-received = प्राप्त
fin-privacy-col-completed = पूरा हुआ
fin-privacy-col-outcome = क्या किया गया, क्या रखा गया और क्यों
fin-privacy-limit = केवल सबसे हाल के { $limit } दिखाए गए हैं।
fin-privacy-kind-export = उनके डेटा की प्रति
fin-privacy-kind-erasure = मिटाना
fin-privacy-kind-retention = रिटेंशन जॉब
fin-privacy-status-completed = पूरा हुआ
fin-privacy-status-refused = अस्वीकृत

## ऑडिट लॉग (audit/index.html)
fin-audit-heading = ऑडिट लॉग
fin-audit-intro = कर्मचारियों का हर बदलाव और निजी डेटा का हर बार देखा जाना, सबसे नया पहले। प्रविष्टियाँ बदली या हटाई नहीं जा सकतीं।
fin-audit-actor = कर्ता (ईमेल, या
fin-audit-actor-end = )
fin-audit-action = कार्य
fin-audit-entity-type = इकाई का प्रकार
fin-audit-from = से (UTC दिन)
fin-audit-to = तक (UTC दिन, शामिल)
fin-audit-filter = छाँटें
fin-audit-count =
    { $count ->
        [one] { $count } प्रविष्टि
       *[other] { $count } प्रविष्टियाँ
    }
fin-audit-page = पन्ना { $page } / { $pages }
fin-audit-download = इन्हें CSV के रूप में डाउनलोड करें
fin-audit-download-logged = (डाउनलोड भी लॉग में दर्ज होता है)
fin-audit-col-when = कब
fin-audit-col-actor = कर्ता
fin-audit-col-action = कार्य
fin-audit-col-entity = इकाई
fin-audit-col-center = केंद्र
fin-audit-col-ip = IP
fin-audit-col-details = विवरण
fin-audit-none = इस छँटाई से कोई प्रविष्टि मेल नहीं खाती।
fin-audit-pages = पन्ने
fin-audit-newer = नई
fin-audit-older = पुरानी

## दुकान की नीतियाँ (policies/list.html, policies/edit.html)
fin-policies-heading = दुकान की नीतियाँ
fin-policies-intro = वे पाठ जिनसे हर सार्वजनिक पन्ना अपने फ़ुटर में और चेकआउट भुगतान से पहले जुड़ता है: शिपिंग, वापसी और रिफ़ंड, निजता, बिक्री की शर्तें और शिकायत अधिकारी (उपभोक्ता संरक्षण (ई-कॉमर्स) नियम, 2020)। हर बार सहेजने पर नया संस्करण बनता है; पुराने संस्करण सार्वजनिक पन्नों पर पढ़े जा सकते हैं, और हर ऑर्डर शर्तों और वापसी नीति के वे संस्करण रखता है जिन्हें खरीदार ने स्वीकार किया।
fin-policies-caption = दुकान की नीतियाँ और हर एक का लागू संस्करण
fin-policies-col-policy = नीति
fin-policies-col-in-effect = लागू
fin-policies-col-versions = संस्करण
fin-policies-col-last-saved = अंतिम बार सहेजा
fin-policies-version-since = संस्करण { $version }, { $date } से
fin-policies-none-yet = अभी कोई नहीं
fin-policies-public-page = सार्वजनिक पन्ना:
fin-policies-saving-makes = सहेजने पर संस्करण { $version } बनेगा; उससे पहले के संस्करण जैसे हैं वैसे ही रहेंगे, सार्वजनिक पन्ने पर पढ़े जा सकेंगे।
fin-policies-preview-heading = पूर्वावलोकन (सहेजा नहीं गया)
fin-policies-write = संस्करण { $version } लिखें
fin-policies-text = पाठ (Markdown)
fin-policies-text-hint-headings = शीर्षक
fin-policies-text-hint-lists = से, सूचियाँ
fin-policies-text-hint-links = से, लिंक
fin-policies-text-hint-tables = की तरह, तालिकाएँ
fin-policies-text-hint-end = से। HTML पाठ की तरह दिखता है, चलता नहीं; लिंक केवल http(s), mailto या इसी साइट पर जाते हैं।
fin-policies-effective = किस दिन से लागू
fin-policies-effective-hint = आज ({ $today }, UTC) या कोई बाद का दिन; तब तक लागू संस्करण सार्वजनिक पन्ने पर रहता है।
fin-policies-preview = पूर्वावलोकन
fin-policies-save = संस्करण { $version } सहेजें
fin-policies-versions = संस्करण
fin-policies-versions-caption = इस नीति के सभी संस्करण, सबसे नया पहले
fin-policies-col-version = संस्करण
fin-policies-col-takes-effect = लागू होने का दिन
fin-policies-col-saved-by = किसने सहेजा
fin-policies-col-status = स्थिति
fin-policies-version = संस्करण { $version }
fin-policies-in-effect = लागू
fin-policies-scheduled = निर्धारित
fin-policies-replaced = बदला गया
fin-policies-no-version = अभी कोई संस्करण नहीं।
