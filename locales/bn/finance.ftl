# হিসাব বিভাগের ব্যাক অফিসের অন্য পাতা: ইনভয়েস, গয়নার খরচ ও সোনার দর, গোপনীয়তার অনুরোধ,
# অডিট লগ এবং দোকানের নীতি। শব্দ locales/GLOSSARY.md অনুযায়ী।

fin-required = (আবশ্যক)
fin-show = দেখান
fin-prev-month = আগের মাস
fin-next-month = পরের মাস
fin-download-csv = CSV হিসেবে ডাউনলোড করুন
fin-nothing-saved = কিছুই সংরক্ষিত হয়নি; নিচে চিহ্নিত ঘরগুলি ঠিক করুন।
fin-nothing-recorded = কিছুই নথিভুক্ত হয়নি; নিচে চিহ্নিত ঘরগুলি ঠিক করুন।
fin-recorded-by-at = { $by }, { $at }

## ইনভয়েস ও ক্রেডিট নোট (invoices/list.html)
fin-invoices-title = ইনভয়েস
fin-invoices-heading = ইনভয়েস ও ক্রেডিট নোট, { $month }
fin-invoices-intro = মাসে জারি করা দাম মেটানো প্রতিটি অর্ডারের ট্যাক্স ইনভয়েস এবং প্রতিটি রিফান্ডের ক্রেডিট নোট (ভারতের তারিখ)। ক্রেতারা ভোক্তা (B2C): ক্রেতার GSTIN নেই। যোগফলে ক্রেডিট নোট ঋণাত্মক ধরা হয়।
fin-invoices-month = মাস (YYYY-MM)
fin-invoices-none = { $month }-এ কোনো ইনভয়েস বা ক্রেডিট নোট জারি হয়নি।
fin-invoices-count = { $count }টি নথি
fin-invoices-col-document = নথি
fin-invoices-col-number = নম্বর
fin-invoices-col-date = তারিখ
fin-invoices-col-place = সরবরাহের স্থান
fin-invoices-col-export = রপ্তানি
fin-invoices-col-taxable = করযোগ্য মূল্য
fin-invoices-col-cgst = CGST
fin-invoices-col-sgst = SGST
fin-invoices-col-igst = IGST
fin-invoices-col-total = মোট
fin-invoices-export-yes = হ্যাঁ (LUT)
fin-invoices-export-no = না
fin-invoices-sum = { $currency }-এ যোগফল
fin-invoices-kind-invoice = ট্যাক্স ইনভয়েস
fin-invoices-kind-credit_note = ক্রেডিট নোট

## গয়নার খরচ (pricing/costs.html)
fin-costs-heading = { $title }-এর খরচ
fin-costs-intro = SKU { $sku }। এই অঙ্কগুলি, হিসাবের খাতায় কারিগরদের মজুরি এবং সেদিনের সোনার দর মিলে গয়নার সর্বজনীন পাতায় "আপনার টাকা কোথায় যায়" তৈরি করে। এগুলি সংরক্ষণ না করা পর্যন্ত পাতাটি শুধু কারিগরদের মজুরি দেখায় এবং জানায় যে বাকিটা এখনও নথিভুক্ত হয়নি।
fin-costs-gold-rate = সোনার মূল্য সর্বশেষ দরে ধরা হয়েছে: প্রতি গ্রাম খাঁটি সোনা { $rate } ({ $date })।
fin-costs-no-gold-rate = এখনও কোনো সোনার দর নথিভুক্ত নেই: হিসাব বিভাগ তা সোনার দরের পাতায় নথিভুক্ত করে।
fin-costs-last-saved = শেষবার সংরক্ষণ করেছেন { $by }, { $at }।
fin-costs-form-heading = নথিভুক্ত খরচ, টাকায়
fin-costs-stones = পাথর (₹)
fin-costs-stones-hint = গয়নায় বসানো পাথরের জন্য কর্মশালা যা দিয়েছে; পাথর না থাকলে 0।
fin-costs-hallmarking = হলমার্কিং (₹)
fin-costs-hallmarking-hint = পরীক্ষা কেন্দ্রে যাচাই এবং HUID-সহ BIS হলমার্ক।
fin-costs-packing = শিপিং ও প্যাকিং (₹)
fin-costs-packing-hint = প্যাকিং, বিমা এবং শিপিংয়ের সেই অংশ যা চেকআউটে নেওয়া শিপিং চার্জে ওঠে না।
fin-costs-submit = খরচ সংরক্ষণ করুন

## সোনার দর (pricing/gold_rates.html)
fin-gold-back = মজুরি
fin-gold-heading = সোনার দর
fin-gold-intro = কোনো দিনে এক গ্রাম খাঁটি (24 ক্যারেট) সোনার দাম, যেমন হিসাব বিভাগ পড়ে। প্রতিটি গয়নার পাতা তার সোনার মূল্য দেখায় সেই দিন বা তার আগে নথিভুক্ত সর্বশেষ দরে: নিট ওজন × বিশুদ্ধতা অনুযায়ী সোনার ভাগ × এই দর। একই দিনের দর আবার নথিভুক্ত করলে তা সংশোধিত হয়; আগের অঙ্কটি নিচের ইতিহাসে ও অডিট লগে থেকে যায়।
fin-gold-record-heading = দর নথিভুক্ত করুন
fin-gold-day = দিন
fin-gold-currency = মুদ্রা
fin-gold-rate = এক গ্রাম খাঁটি সোনার দাম
fin-gold-rate-hint = যেমন 7812.50 (দশমিকের পরে সর্বোচ্চ 2 অঙ্ক, দশমিক চিহ্ন হিসেবে বিন্দু)।
fin-gold-source = সূত্র
fin-gold-source-hint = দরটি কোথা থেকে পড়া, যেমন "IBJA 999, দুপুরের দর"।
fin-gold-submit = দর নথিভুক্ত করুন
fin-gold-recorded-heading = নথিভুক্ত দর
fin-gold-caption = নথিভুক্ত সোনার দর, সাম্প্রতিকটি আগে, সংশোধনসহ
fin-gold-col-per-gram = প্রতি গ্রাম খাঁটি সোনা
fin-gold-col-recorded = নথিভুক্ত
fin-gold-col-in-force = চালু
fin-gold-yes = হ্যাঁ
fin-gold-corrected = না (সংশোধিত)
fin-gold-none = এখনও কোনো সোনার দর নথিভুক্ত নেই: গয়নার পাতাগুলি শুধু কারিগরদের মজুরি দেখায়।

## গোপনীয়তার অনুরোধ (privacy/index.html)
fin-privacy-heading = গোপনীয়তার অনুরোধ
fin-privacy-intro = গ্রাহকেরা তাঁদের অর্ডারের পাতা থেকে নিজেদের তথ্যের একটি কপি বা তা মুছে ফেলার অনুরোধ করেন; দুটিই সঙ্গে সঙ্গে করা হয় এবং এখানে (ও অডিট লগে) নথিভুক্ত হয়। মুছে ফেলার সময়, { $years } বছরের কম পুরোনো অর্ডারের জন্য শুধু ট্যাক্স ইনভয়েসের যা দরকার (নাম, রাজ্য, পিন কোড, দেশ, অঙ্ক, গয়না) তা রাখা হয় এবং বাকিটা ঢেকে দেওয়া হয়; কোনো অর্ডার এখনও চলতে থাকলে অনুরোধ ফিরিয়ে দেওয়া হয়। অর্ডার { $years } বছর পুরোনো হলে সংরক্ষণের কাজটি সেটিকে পুরোপুরি ঢেকে দেয়। এখানে গ্রাহকদের শুধু তাঁদের অর্ডারের রেফারেন্স দিয়ে উল্লেখ করা হয়।
fin-privacy-none = এখনও কোনো অনুরোধ নেই।
fin-privacy-col-kind = ধরন
fin-privacy-col-order = ব্যবহৃত অর্ডার লিংক
fin-privacy-col-status = অবস্থা
fin-privacy-col-received = পাওয়া গেছে
fin-privacy-col-completed = সম্পন্ন
fin-privacy-col-outcome = কী করা হয়েছে, কী রাখা হয়েছে ও কেন
fin-privacy-limit = শুধু সাম্প্রতিক { $limit }টি দেখানো হয়েছে।
fin-privacy-kind-export = তাঁদের তথ্যের কপি
fin-privacy-kind-erasure = মুছে ফেলা
fin-privacy-kind-retention = সংরক্ষণের কাজ
fin-privacy-status-completed = সম্পন্ন
fin-privacy-status-refused = প্রত্যাখ্যাত

## অডিট লগ (audit/index.html)
fin-audit-heading = অডিট লগ
fin-audit-intro = কর্মীদের প্রতিটি পরিবর্তন এবং ব্যক্তিগত তথ্যের প্রতিটি দেখা, নতুনগুলি আগে। এন্ট্রি বদলানো বা মোছা যায় না।
fin-audit-actor = কে করেছেন (ইমেল, বা
fin-audit-actor-end = )
fin-audit-action = কাজ
fin-audit-entity-type = বিষয়ের ধরন
fin-audit-from = থেকে (UTC দিন)
fin-audit-to = পর্যন্ত (UTC দিন, সহ)
fin-audit-filter = বাছাই করুন
fin-audit-count = { $count }টি এন্ট্রি
fin-audit-page = পাতা { $page } / { $pages }
fin-audit-download = এগুলি CSV হিসেবে ডাউনলোড করুন
fin-audit-download-logged = (ডাউনলোডও লগে নথিভুক্ত হয়)
fin-audit-col-when = কখন
fin-audit-col-actor = কে
fin-audit-col-action = কাজ
fin-audit-col-entity = বিষয়
fin-audit-col-center = কেন্দ্র
fin-audit-col-ip = IP
fin-audit-col-details = বিবরণ
fin-audit-none = এই বাছাইয়ের সঙ্গে কোনো এন্ট্রি মেলে না।
fin-audit-pages = পাতা
fin-audit-newer = নতুন
fin-audit-older = পুরোনো

## দোকানের নীতি (policies/list.html, policies/edit.html)
fin-policies-heading = দোকানের নীতি
fin-policies-intro = যে লেখাগুলিতে প্রতিটি সর্বজনীন পাতা তার ফুটারে এবং চেকআউট দাম মেটানোর আগে লিংক দেয়: শিপিং, ফেরত ও রিফান্ড, গোপনীয়তা, বিক্রির শর্ত এবং অভিযোগ আধিকারিক (ভোক্তা সুরক্ষা (ই-কমার্স) বিধি, 2020)। প্রতিবার সংরক্ষণে একটি নতুন সংস্করণ তৈরি হয়; আগের সংস্করণগুলি সর্বজনীন পাতায় পড়া যায়, এবং প্রতিটি অর্ডার শর্ত ও ফেরত নীতির সেই সংস্করণ রাখে যা তার ক্রেতা মেনে নিয়েছিলেন।
fin-policies-caption = দোকানের নীতি এবং প্রতিটির চালু সংস্করণ
fin-policies-col-policy = নীতি
fin-policies-col-in-effect = চালু
fin-policies-col-versions = সংস্করণ
fin-policies-col-last-saved = শেষ সংরক্ষণ
fin-policies-version-since = সংস্করণ { $version }, { $date } থেকে
fin-policies-none-yet = এখনও নেই
fin-policies-public-page = সর্বজনীন পাতা:
fin-policies-saving-makes = সংরক্ষণ করলে সংস্করণ { $version } তৈরি হবে; তার আগের সংস্করণগুলি যেমন আছে থাকবে, সর্বজনীন পাতায় পড়া যাবে।
fin-policies-preview-heading = পূর্বরূপ (সংরক্ষিত নয়)
fin-policies-write = সংস্করণ { $version } লিখুন
fin-policies-text = লেখা (Markdown)
fin-policies-text-hint-headings = শিরোনাম
fin-policies-text-hint-lists = দিয়ে, তালিকা
fin-policies-text-hint-links = দিয়ে, লিংক
fin-policies-text-hint-tables = এভাবে, সারণি
fin-policies-text-hint-end = দিয়ে। HTML লেখা হিসেবে দেখানো হয়, চালানো হয় না; লিংক শুধু http(s), mailto বা এই সাইটে যায়।
fin-policies-effective = যে দিন থেকে চালু
fin-policies-effective-hint = আজ ({ $today }, UTC) বা পরের কোনো দিন; ততদিন পর্যন্ত চালু সংস্করণ সর্বজনীন পাতায় থাকে।
fin-policies-preview = পূর্বরূপ
fin-policies-save = সংস্করণ { $version } সংরক্ষণ করুন
fin-policies-versions = সংস্করণ
fin-policies-versions-caption = এই নীতির সব সংস্করণ, নতুনটি আগে
fin-policies-col-version = সংস্করণ
fin-policies-col-takes-effect = চালুর দিন
fin-policies-col-saved-by = কে সংরক্ষণ করেছেন
fin-policies-col-status = অবস্থা
fin-policies-version = সংস্করণ { $version }
fin-policies-in-effect = চালু
fin-policies-scheduled = নির্ধারিত
fin-policies-replaced = প্রতিস্থাপিত
fin-policies-no-version = এখনও কোনো সংস্করণ নেই।
