# The itemised pay slip, handed to the artisan. Amounts, hours and dates arrive formatted.

slip-title = वेतन पर्ची
slip-document-title = वेतन पर्ची — { $alias }, { $month }
slip-artisan = कारीगर
slip-artisan-id = कारीगर संख्या
slip-workshop = कार्यशाला
slip-month = महीना
slip-pay-basis = वेतन का आधार
slip-draft = मसौदा — { $month } का हिसाब अभी बंद नहीं हुआ है: आँकड़े बदल सकते हैं।
slip-final = अंतिम — महीने का हिसाब बंद हो चुका है।
slip-hours-heading = काम के घंटे (घंटे:मिनट)
slip-col-kind = घंटों का प्रकार
slip-col-hours = घंटे
slip-col-item = विवरण
slip-col-amount = राशि
slip-col-date = तारीख़
slip-col-method = भुगतान का तरीका
slip-hours-overtime = इनमें से ओवरटाइम (दिन में 8 घंटे या सप्ताह में 48 घंटे से अधिक)
slip-hours-paid = भुगतान योग्य घंटे
slip-earnings-heading = आय
slip-pieces = { $count } नग
slip-expected = महीने का हिसाब बंद होने पर देय
slip-gross = कुल मज़दूरी
slip-deductions-heading = कटौतियाँ
slip-no-deductions = इस महीने कोई कटौती नहीं।
slip-deductions-total = कुल कटौती
slip-net-wages = शुद्ध मज़दूरी
slip-bonus-heading = बिक्री बोनस
slip-bonus-note = बिक्री बोनस आपके बनाए नग की बिक्री का एक हिस्सा है। यह मज़दूरी के ऊपर दिया जाता है और न्यूनतम मज़दूरी में कभी नहीं गिना जाता।
slip-sales =
    { $count ->
        [one] { $count } बिक्री
       *[other] { $count } बिक्रियाँ
    }
slip-no-bonus = इस महीने कोई बिक्री बोनस नहीं।
slip-summary-heading = सारांश
slip-net-pay = इस महीने का शुद्ध देय (शुद्ध मज़दूरी और बिक्री बोनस)
slip-balance-start = पिछले महीनों का बकाया
slip-payments-heading = इस महीने किए गए भुगतान
slip-no-payments = इस महीने कोई भुगतान नहीं हुआ।
slip-payments-total = कुल भुगतान
slip-balance-end = आपको देय शेष राशि
slip-balance-note = ऋण चिह्न (−) का अर्थ है कि आपको कमाई से अधिक भुगतान हुआ है; यह अगली मज़दूरी में समायोजित होगा।
slip-guarantee = कानून के अनुसार { $rate } प्रति घंटे की न्यूनतम दर से { $hours } भुगतान योग्य घंटों (ओवरटाइम दोगुना गिनकर) के लिए आपको कम से कम { $amount } मिलने चाहिए।
slip-top-up-note = यदि महीने की मज़दूरी इससे कम हो, तो अंतर न्यूनतम मज़दूरी की भरपाई के रूप में दिया जाता है।
slip-paid-leave = सवेतन छुट्टी और अवकाश के दिनों की मज़दूरी, ऊपर शामिल: { $amount }
slip-signature = प्राप्तकर्ता के हस्ताक्षर या अंगूठे का निशान
slip-questions = इस पर्ची के बारे में कोई प्रश्न हो तो अपने केंद्र प्रबंधक या लेखा विभाग से पूछें।
