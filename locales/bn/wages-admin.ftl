# /admin/wages-এর অধীনে হিসাব বিভাগের পাতা। শব্দ locales/GLOSSARY.md অনুযায়ী; টাকা, ঘণ্টা ও
# তারিখ আগে থেকেই সাজানো অবস্থায় আসে।

## একাধিক পাতায় ব্যবহৃত
wages-back = মজুরি
wages-confidential-audited = গোপনীয়: এই পাতায় আইনি নাম দেখা যায়; প্রতিবার দেখা অডিট লগে নথিভুক্ত হয়।
wages-nothing-recorded = কিছুই নথিভুক্ত হয়নি; নিচে চিহ্নিত ঘরগুলি ঠিক করুন।
wages-required = (আবশ্যক)
wages-choose = বেছে নিন…
wages-show = দেখান
wages-all-centers = সব কেন্দ্র
wages-label-center = কেন্দ্র
wages-label-from-month = কোন মাস থেকে (YYYY-MM)
wages-label-to-month = কোন মাস পর্যন্ত (YYYY-MM)
wages-artisan-option = { $alias } — { $legal_name } ({ $center }) — পাওনা { $owed }
wages-none-recorded = কিছু নথিভুক্ত নেই
wages-not-set = ঠিক করা হয়নি
wages-living-wage-not-checked = জীবনধারণের উপযোগী মজুরি যাচাই করা হয়নি
wages-below-legal-count = { $count } জন আইনি ন্যূনতম মজুরির নিচে
wages-below-living-count = { $count } জন জীবনধারণের উপযোগী মজুরির নিচে
wages-flag-below-legal = ঘণ্টার হিসাবে আইনি ন্যূনতম মজুরির নিচে
wages-flag-below-living = ঘণ্টার হিসাবে জীবনধারণের উপযোগী মজুরির নিচে
wages-flag-no-register-hours = হাজিরা খাতায় কোনো ঘণ্টা নেই
wages-flag-paid-late = দেরিতে দেওয়া হয়েছে
wages-col-artisan = কারিগর
wages-col-legal-name = আইনি নাম
wages-col-public-id = সর্বজনীন আইডি
wages-col-center = কেন্দ্র
wages-col-month = মাস
wages-col-pay-basis = মজুরির ভিত্তি
wages-col-hours-worked = কাজের ঘণ্টা
wages-col-overtime-hours = ওভারটাইমের ঘণ্টা
wages-col-paid-leave-hours = সবেতন ছুটির ঘণ্টা
wages-col-paid-hours = বেতনযোগ্য ঘণ্টা
wages-col-salary = বেতন
wages-col-piece-wages = পিস-রেট মজুরি
wages-col-overtime-premium = ওভারটাইমের অতিরিক্ত মজুরি
wages-col-paid-leave = সবেতন ছুটি
wages-col-month-pay = মাসের মজুরি
wages-col-guaranteed = ন্যূনতম মজুরির নিশ্চয়তা
wages-col-top-up = ঘাটতি পূরণ
wages-col-top-up-due = প্রাপ্য ঘাটতি পূরণ
wages-col-deductions = কর্তন
wages-col-piece-hours-of-making = গয়নায় লাগা ঘণ্টা / তৈরির ঘণ্টা
wages-col-income = বোনাস ছাড়া আয়
wages-col-legal-for-hours = ঘণ্টার হিসাবে আইনি ন্যূনতম
wages-col-living-for-hours = ঘণ্টার হিসাবে জীবনধারণের উপযোগী মজুরি
wages-col-flags = সতর্কতা
wages-col-sale-bonuses = বিক্রয় বোনাস
wages-col-pages = পাতা
wages-col-pieces = গয়না
wages-col-hours-on-pieces = গয়নায় লাগা ঘণ্টা
wages-col-wages = মজুরি
wages-col-bonuses = বোনাস
wages-col-adjustments = সংশোধন
wages-col-paid = দেওয়া হয়েছে
wages-col-amount = টাকা
wages-col-date = তারিখ
wages-col-reason = কারণ
wages-col-total = মোট
wages-caption-artisan-month = প্রত্যেক কারিগরের মাস

## মাসের হিসাব বন্ধ (month.html)
wages-month-heading = মাসের হিসাব বন্ধ: { $city }, { $month }
wages-month-closed = { $by } { $date } তারিখে হিসাব বন্ধ করেছেন।
wages-month-closed-locked = { $month }-এর তারিখে আর কিছু নথিভুক্ত করা যাবে না; ভুল শোধরাতে হলে কোনো খোলা মাসে এই মাসের উল্লেখ করে সংশোধন লিখতে হবে।
wages-month-legal-min = আইনি ন্যূনতম মজুরি মাসে { $monthly }, { $hours } ঘণ্টার জন্য (ঘণ্টায় { $hourly })।
wages-month-guarantee = ন্যূনতম মজুরির নিশ্চয়তা হল মাসের বেতনযোগ্য ঘণ্টা (কাজ, সবেতন ছুটি, ছুটির দিন) এই হারে, ওভারটাইমের ঘণ্টা দ্বিগুণ ধরে।
wages-month-by-month = মজুরি বিচার করা হয় পুরো মাস ধরে, কখনও একেকটি গয়না ধরে নয়।
wages-month-more-than-register = হাজিরা খাতার চেয়ে বেশি
wages-month-top-ups = মোট ঘাটতি পূরণ
wages-month-empty = এই মাসে কোনো ঘণ্টা, গয়না বা কাজের শর্ত নেই।
wages-month-cannot-close = { $month }-এর হিসাব এখনও বন্ধ করা যাবে না:
wages-month-problem-hours = { $month }-এ গৃহীত গয়নায় { $alias }-এর তৈরির { $claimed } ঘণ্টা দাবি করা হয়েছে, কিন্তু হাজিরা খাতায় উৎপাদন, নকশা ও পুনরায় কাজের মাত্র { $held } ঘণ্টা আছে: আগে হাজিরা খাতা বা গয়নার ঘণ্টা ঠিক করুন।
wages-month-problem-deductions = { $alias }-এর মোট কর্তন { $deductions }, যা মাসের মজুরি { $wages }-এর অর্ধেকের বেশি (মজুরি বিধি ধারা 18): আগে একটি সংশোধন নথিভুক্ত করুন।
wages-month-requested = { $by } { $time }-এ { $month }-এর হিসাব বন্ধ করার অনুরোধ করেছেন। হিসাব বিভাগের অন্য একজন বা একজন অ্যাডমিনকে এটি অনুমোদন করতে হবে।
wages-month-requested-by-me = এই অনুরোধ আপনি করেছেন: অন্য কাউকে এটি অনুমোদন করতে হবে।
wages-month-approve-hint = অনুমোদন করলে প্রত্যেকের বেতন, ওভারটাইমের অতিরিক্ত মজুরি ও ঘাটতি পূরণ হিসাবের খাতায় লেখা হবে, খাতার শেষ প্রান্তে স্বাক্ষর হবে এবং { $month } বন্ধ হয়ে যাবে: তারপর হিসাবের খাতা ও হাজিরা খাতা এই মাসের তারিখের কিছুই নেবে না।
wages-month-approve = অনুমোদন করুন: { $month }-এর হিসাব বন্ধ করুন এবং { $amount } ঘাটতি পূরণ লিখুন
wages-month-withdraw = অনুরোধ প্রত্যাহার করুন
wages-month-request-hint = মাসের হিসাব দুজন মিলে বন্ধ করেন: আপনি অনুরোধ করেন, আর হিসাব বিভাগের অন্য একজন বা একজন অ্যাডমিন অনুমোদন করেন। ততক্ষণ কিছুই লেখা হয় না।
wages-month-request = { $month }-এর হিসাব বন্ধ করার অনুরোধ করুন

## হিসাব বিভাগের সারসংক্ষেপ (index.html)
wages-index-heading = মজুরি
wages-index-record-payout = প্রদত্ত টাকা নথিভুক্ত করুন
wages-index-record-deduction = কর্তন নথিভুক্ত করুন
wages-index-adjustments = সংশোধন
wages-index-adjustments-waiting = সংশোধন ({ $count }টি অপেক্ষায়)
wages-index-confidential = গোপনীয়: এই পাতায় কারিগরদের আইনি নাম দেখা যায়। প্রতিবার দেখা আপনার নামে অডিট লগে নথিভুক্ত হয়।
wages-index-ledger-intact =
    { $count ->
        [one] হিসাবের খাতা অক্ষত: { $count }টি এন্ট্রি তার হ্যাশের সঙ্গে মেলে এবং আগের এন্ট্রির সঙ্গে যুক্ত।
       *[other] হিসাবের খাতা অক্ষত: সব { $count }টি এন্ট্রি তাদের হ্যাশের সঙ্গে মেলে এবং আগের এন্ট্রির সঙ্গে যুক্ত।
    }
wages-index-ledger-last-hash = শেষ হ্যাশ:
wages-index-ledger-broken = হিসাবের খাতা { $entry } নম্বর এন্ট্রিতে ভাঙা: { $reason }।
wages-index-ledger-broken-hint = এর আগের এন্ট্রিগুলি অক্ষত; কারণ স্পষ্ট না হওয়া পর্যন্ত { $entry } নম্বর এন্ট্রি ও তার পরের সবকিছু অপ্রমাণিত ধরুন।
wages-index-adjustments-pending = { $count }টি সংশোধন অনুমোদনের অপেক্ষায়
wages-index-adjustments-pending-who = — হিসাব বিভাগের অন্য একজন বা একজন অ্যাডমিনের।
wages-index-nav = হিসাব বিভাগের পাতা
wages-tile-earnings = ন্যূনতম সীমার তুলনায় আয়
wages-tile-earnings-text = বোনাস ছাড়া মাসিক আয়, কাজের ঘণ্টার হিসাবে আইনি ন্যূনতম ও জীবনধারণের উপযোগী মজুরির তুলনায়।
wages-tile-late = দেরিতে দেওয়া মজুরি
wages-tile-late-text = যে মাসের মজুরি পরের মাসের 7 তারিখের মধ্যে দেওয়া হয়নি।
wages-tile-reconciliation = মিলান
wages-tile-reconciliation-text = যে অর্ডারের দাম মেটানো হয়েছে এবং তাদের বিক্রয় বোনাস।
wages-tile-ledger = হিসাবের খাতা
wages-tile-ledger-text = প্রতিটি এন্ট্রি, নতুনগুলি আগে।
wages-tile-policy = মজুরি নীতি
wages-tile-policy-text = প্রতিটি কেন্দ্রের আইনি ন্যূনতম, জীবনধারণের উপযোগী মজুরি, ঘণ্টা ও বোনাস।
wages-tile-rates = বিনিময় হার
wages-tile-rates-text = বিক্রির প্রতিটি মুদ্রার এক এককে কত টাকা, দিন অনুযায়ী।
wages-tile-gold = সোনার দর
wages-tile-gold-text = দিন অনুযায়ী এক গ্রাম খাঁটি সোনার দাম: প্রতিটি গয়নার দামের সোনার অংশ।
wages-tile-terms = কাজের শর্ত
wages-tile-terms-text = প্রত্যেক কারিগরকে কীভাবে মজুরি দেওয়া হয়: বেতন, পিস-রেট বা প্রশিক্ষণ ভাতা।
wages-tile-register = হাজিরা খাতা
wages-tile-register-text = প্রত্যেক কারিগরের দিনপ্রতি ঘণ্টা, একবারে এক সপ্তাহ।
wages-index-policy-since = { $date } থেকে চালু নীতি:
wages-index-policy-legal = আইনি ন্যূনতম মাসে { $amount };
wages-index-policy-living = জীবনধারণের উপযোগী মজুরি মাসে { $amount };
wages-index-policy-living-unset = জীবনধারণের উপযোগী মজুরি
wages-index-policy-hours = মাসে { $hours } ঘণ্টা;
wages-index-policy-target-living = লক্ষ্য: জীবনধারণের উপযোগী মজুরির { $multiplier } গুণ;
wages-index-policy-target-legal = লক্ষ্য: আইনি ন্যূনতমের { $multiplier } গুণ;
wages-index-policy-bonus = বিক্রয় বোনাস { $percent }%।
wages-index-center-report = কেন্দ্রের রিপোর্ট:
wages-index-month-close = মাসের হিসাব বন্ধ:
wages-index-closed = { $month } (হিসাব বন্ধ), হাজিরা খাতা অনুযায়ী:
wages-index-not-closed = { $month } (হিসাব এখনও বন্ধ হয়নি), হাজিরা খাতা অনুযায়ী:
wages-index-below-legal = { $count } জন তাঁদের ঘণ্টার হিসাবে আইনি ন্যূনতমের নিচে
wages-index-below-living = { $count } জন তাঁদের ঘণ্টার হিসাবে জীবনধারণের উপযোগী মজুরির নিচে
wages-index-without-bonuses = আয়ে বিক্রয় বোনাস ধরা হয়নি।
wages-index-caption = { $city }-এ প্রত্যেক কারিগরের পাওনা
wages-index-col-owed = এখন পাওনা
wages-index-col-month-paid-hours = { $month }: বেতনযোগ্য ঘণ্টা
wages-index-statement = বিবরণী { $month }
wages-index-ledger = হিসাবের খাতা
wages-index-pay = টাকা দিন
wages-index-owed-in = { $city }-এ মোট পাওনা
wages-index-no-artisans = এই কেন্দ্রে কোনো কারিগর নথিভুক্ত নেই।
wages-export-heading = অডিটের জন্য রপ্তানি
wages-export-hint = এই সময়ের CSV ফাইলের একটি ZIP: হ্যাশসহ হিসাবের খাতার এন্ট্রি, বাকি পাওনা (আইনি নামসহ), মজুরি নীতি, বিনিময় হার এবং খাতা যাচাইয়ের ফল। রপ্তানি অডিট লগে নথিভুক্ত হয়।
wages-export-error = কোনো রপ্তানি হয়নি; নিচের তারিখগুলি ঠিক করুন।
wages-export-first-day = প্রথম দিন
wages-export-last-day = শেষ দিন
wages-export-download = রপ্তানি ডাউনলোড করুন
wages-verify-heading = হিসাবের খাতা যাচাই
wages-verify-hint = প্রতিটি এন্ট্রির হ্যাশ ও আগের এন্ট্রির সঙ্গে তার যোগসূত্র আবার হিসাব করে, নিচের কমান্ডের মতো, এবং প্রথম যে এন্ট্রি মেলে না তার নম্বর জানায়:
wages-verify-button = এখনই হিসাবের খাতা যাচাই করুন

## ব্যাক অফিসে মজুরির ভিত্তি (কোড অনুযায়ী)
wages-basis-monthly_salary = মাসিক বেতন
wages-basis-piece_rate = পিস-রেট মজুরি, ন্যূনতম মজুরির নিশ্চয়তাসহ
wages-basis-trainee_stipend = প্রশিক্ষণ ভাতা
wages-basis-none = কাজের শর্ত নথিভুক্ত নেই (পিস-রেট হিসেবে বিচার করা হয়েছে)

## একটি কেন্দ্রের মাস (center.html)
wages-center-nav = অন্য মাস ও কেন্দ্র
wages-center-prev = আগের মাস
wages-center-next = পরের মাস
wages-center-same-month = { $center }, একই মাস
wages-center-earnings = সময়ের সঙ্গে আয়
wages-center-confidential = গোপনীয়: আইনি নাম শুধু হিসাব বিভাগ দেখতে পায়, এবং এই দেখা আপনার নামে অডিট লগে নথিভুক্ত হয়।
wages-center-policy-heading = চালু নীতি
wages-center-legal-min = আইনি ন্যূনতম: মাসে { $amount }
wages-center-living-wage = জীবনধারণের উপযোগী মজুরি: মাসে { $amount }
wages-center-living-wage-unset = জীবনধারণের উপযোগী মজুরি: ঠিক করা হয়নি
wages-center-standard-hours = নির্ধারিত ঘণ্টা: মাসে { $hours }
wages-center-since = { $date } থেকে চালু
wages-center-source = সূত্র: { $source }
wages-center-no-policy = এই মাসে এই কেন্দ্রে কোনো মজুরি নীতি চালু নেই: হিসাব বিভাগকে একটি যোগ করতে হবে (মজুরি নীতির পাতা)।
wages-center-artisans-heading = কারিগর
wages-center-artisans-count = { $count } জন কারিগর
wages-center-late-count = { $count } জনকে দেরিতে দেওয়া হয়েছে (শেষ তারিখ { $deadline })
wages-center-col-owed-end = মাসের শেষে পাওনা
wages-center-col-flags = সতর্কতা (হাজিরা খাতা অনুযায়ী মাস, নিচে)
wages-center-register-heading = হাজিরা খাতা অনুযায়ী মাস
wages-center-register-intro-1 = প্রত্যেক কারিগরের মাসের আয়
wages-center-register-intro-without = বিক্রয় বোনাস ছাড়া
wages-center-register-intro-2 = (মজুরি, ঘাটতি পূরণ ও অনুমোদিত সংশোধন), হাজিরা খাতায়র বেতনযোগ্য ঘণ্টার হিসাবে আইনি ন্যূনতম ও জীবনধারণের উপযোগী মজুরির তুলনায় (মাসিক অঙ্ক { $hours } ঘণ্টার অনুপাতে)। বোনাস আলাদা দেখানো হয় এবং কোনো মাসকে এই সীমার উপরে কখনও তোলে না।
wages-center-register-intro-2-standard = (মজুরি, ঘাটতি পূরণ ও অনুমোদিত সংশোধন), হাজিরা খাতায়র বেতনযোগ্য ঘণ্টার হিসাবে আইনি ন্যূনতম ও জীবনধারণের উপযোগী মজুরির তুলনায় (মাসিক অঙ্ক নির্ধারিত ঘণ্টার অনুপাতে)। বোনাস আলাদা দেখানো হয় এবং কোনো মাসকে এই সীমার উপরে কখনও তোলে না।
wages-center-register-caption = হাজিরা খাতার ঘণ্টার হিসাবে ন্যূনতম সীমার তুলনায় বোনাস ছাড়া মাসিক আয়
wages-center-per-hour-hint = ঘণ্টাপ্রতি = মাসের মজুরি, বোনাস ও অনুমোদিত সংশোধন, ভাগ সেই মাসে গৃহীত গয়নায় নথিভুক্ত ঘণ্টা। কোনো মাস দেরিতে ধরা হয় যখন পরের মাসের 7 তারিখের মধ্যে দেওয়া টাকা সেই মাসের শেষ পর্যন্ত অর্জিত সবকিছু মেটায়নি (পুরোনো মাস আগে মেটানো হয়)।

## ন্যায্য মজুরির তুলনায় আয় (earnings.html)
wages-earnings-heading = ন্যায্য মজুরির তুলনায় আয়
wages-earnings-filter = কেন্দ্র ও মাস বেছে নিন
wages-earnings-reset = গত 12 মাস, সব কেন্দ্র
wages-earnings-rows = { $count }টি কারিগর-মাস
wages-earnings-living-unset-somewhere = যেখানে জীবনধারণের উপযোগী মজুরি ঠিক করা নেই সেখানে যাচাই হয়নি
wages-earnings-hint-1 = আয় = ওভারটাইমের মজুরিসহ বেতন বা পিস-রেট মজুরি, মাসের হিসাব বন্ধের সময় লেখা ন্যূনতম মজুরির ঘাটতি পূরণ এবং মাসের অনুমোদিত সংশোধন,
wages-earnings-hint-without = বিক্রয় বোনাস ছাড়া
wages-earnings-hint-2 = এটি হাজিরা খাতায়র বেতনযোগ্য ঘণ্টার হিসাবে আইনি ন্যূনতম ও জীবনধারণের উপযোগী মজুরির সঙ্গে তুলনা করা হয় (মাসের শেষে চালু নীতির মাসিক অঙ্ক, তার নির্ধারিত ঘণ্টার অনুপাতে)। বিক্রয় বোনাস আলাদা দেখানো হয় এবং কোনো মাসকে এই সীমার উপরে কখনও তোলে না। বাকি ঘাটতি পূরণ হল এখন মাসের হিসাব বন্ধ করলে যা লেখা হত।
wages-earnings-figcaption = { $title }। একই অঙ্ক নিচের সারণিতে আছে।
wages-earnings-caption = { $center }: কাজের ঘণ্টার হিসাবে ন্যূনতম সীমার তুলনায় বোনাস ছাড়া আয়, মাস অনুযায়ী
wages-earnings-col-artisans = ঘণ্টা আছে এমন কারিগর
wages-earnings-col-below = নিচে
wages-earnings-below = { $legal } জন আইনি ন্যূনতমের নিচে
wages-earnings-below-both = { $legal } জন আইনি ন্যূনতমের নিচে, { $living } জন জীবনধারণের উপযোগী মজুরির নিচে
wages-earnings-per-artisan = কারিগর ও মাস অনুযায়ী
wages-earnings-empty = এই মাসগুলিতে কোনো ঘণ্টা, আয় বা বোনাস নেই।

## টাকা প্রদান নথিভুক্ত করা (payout.html)
wages-payout-heading = প্রদত্ত টাকা নথিভুক্ত করুন
wages-payout-hint = গোপনীয়: এই পাতায় আইনি নাম দেখা যায়; প্রতিবার দেখা অডিট লগে নথিভুক্ত হয়। মজুরি বিধি অনুযায়ী পরের মাসের 7 তারিখের মধ্যে টাকা দিতে হবে, সম্ভব হলে ব্যাংক অ্যাকাউন্টে বা ইলেকট্রনিক ট্রান্সফারে।
wages-payout-amount = দেওয়া টাকা, ₹
wages-payout-date = দেওয়ার তারিখ
wages-payout-method = কীভাবে দেওয়া হয়েছে
wages-payout-reference = রেফারেন্স
wages-payout-reference-hint = ব্যাংক বা UPI লেনদেনের রেফারেন্স (এগুলির জন্য আবশ্যক), বা নগদের জন্য রসিদ নম্বর।
wages-payout-submit = প্রদত্ত টাকা নথিভুক্ত করুন

## সংশোধন (adjustments.html)
wages-adj-heading = সংশোধন
wages-adj-intro = হিসাবের খাতার কোনো ভুল কখনও বদলানো হয় না: তা একটি সংশোধন দিয়ে শোধরানো হয় (উল্টো অঙ্ক, কারণ এবং যে এন্ট্রি শোধরানো হচ্ছে তার উল্লেখসহ)। হিসাব বিভাগের অন্য একজন বা একজন অ্যাডমিন অনুমোদন করলে তবেই সংশোধন গণ্য হয়।
wages-adj-decision-error = সংশোধন #{ $id }: { $error }
wages-adj-caption = সংশোধন, অনুমোদনের অপেক্ষায় থাকাগুলি আগে
wages-adj-col-proposed-by = প্রস্তাবক
wages-adj-col-decision = সিদ্ধান্ত
wages-adj-corrects-entry = (এন্ট্রি #{ $entry } শোধরায়)
wages-adj-corrects-month = (বন্ধ মাস { $month } শোধরায়)
wages-adj-waiting = অনুমোদনের অপেক্ষায়
wages-adj-note = মন্তব্য (ঐচ্ছিক)
wages-adj-approve = #{ $id } অনুমোদন করুন
wages-adj-reject = #{ $id } বাতিল করুন
wages-adj-you-proposed = প্রস্তাবটি আপনার: সিদ্ধান্ত অন্য কাউকে নিতে হবে।
wages-adj-approved = অনুমোদিত
wages-adj-rejected = বাতিল
wages-adj-decided-by = { $by }, { $at }
wages-adj-none = এখনও কোনো সংশোধন নেই।
wages-adj-propose-heading = সংশোধনের প্রস্তাব
wages-adj-amount = টাকা, ₹
wages-adj-amount-hint = ধনাত্মক অঙ্ক কারিগরের পাওনায় যোগ হয়; সামনে বিয়োগ চিহ্ন দিলে বাদ যায় (যেমন -1500 দুবার ধরা মজুরি ফিরিয়ে নেয়)।
wages-adj-corrects = যে এন্ট্রি শোধরায় #
wages-adj-corrects-month-label = যে বন্ধ মাস শোধরায় (YYYY-MM)
wages-adj-corrects-month-hint = বন্ধ মাসে কোনো এন্ট্রি নেওয়া হয় না: সংশোধনটি কোনো খোলা মাসের তারিখে লিখুন এবং বন্ধ মাসটির নাম এখানে দিন।
wages-adj-submit = সংশোধনের প্রস্তাব পাঠান

## বোনাসের মিলান (reconciliation.html)
wages-rec-heading = বোনাসের মিলান
wages-rec-intro = দাম মেটানো প্রতিটি অর্ডারের প্রতিটি গয়নার বিক্রয় বোনাস হিসাবের খাতায় থাকতে হবে, এবং প্রতিটি বিক্রয় বোনাস কোনো দাম মেটানো অর্ডারের হতে হবে। লেখা প্রতিটি বোনাস দাম মেটানোর দিনের নথিভুক্ত বিনিময় হার ও সেদিন চালু নীতি থেকে আবার হিসাবও করা হয়।
wages-rec-clean = দাম মেটানো সব { $count }টি অর্ডার মিলে গেছে: প্রতিটি গয়নার বোনাস আছে, এবং প্রতিটি বোনাস কোনো দাম মেটানো অর্ডারের।
wages-rec-paid-orders = দাম মেটানো { $count }টি অর্ডার:
wages-rec-missing = { $count }টি গয়নার বোনাস নেই,
wages-rec-orphans = { $count }টি বোনাস এন্ট্রির দাম মেটানো অর্ডার নেই,
wages-rec-wrong = { $count }টি বোনাসের অঙ্ক আলাদা।
wages-rec-missing-heading = দাম মেটানো অর্ডার, যাদের বোনাস নেই
wages-rec-col-order = অর্ডার
wages-rec-col-paid-on = দাম মেটানোর তারিখ
wages-rec-col-piece = গয়না
wages-rec-col-why = কারণ
wages-rec-orphans-heading = বোনাস, যাদের দাম মেটানো অর্ডার নেই
wages-rec-col-entry = খাতার এন্ট্রি
wages-rec-col-order-id = অর্ডার আইডি
wages-rec-col-piece-id = গয়নার আইডি
wages-rec-col-problem = সমস্যা
wages-rec-wrong-heading = বোনাস, যা আবার হিসাবের সঙ্গে মেলে না
wages-rec-col-posted = লেখা হয়েছে
wages-rec-col-recomputed = আবার হিসাব করে
wages-rec-wrong-hint = ভুল বোনাস একটি সংশোধন দিয়ে শোধরানো হয় (অন্য একজনের অনুমোদনে); খাতার এন্ট্রি কখনও বদলানো হয় না।

## দেরিতে দেওয়া মজুরি (late.html)
wages-late-heading = দেরিতে দেওয়া মজুরি
wages-late-intro = মজুরি বিধি (ধারা 17) অনুযায়ী কোনো মাসের মজুরি পরের মাসের 7 তারিখের মধ্যে দিতে হবে। দেওয়া টাকা আগে সবচেয়ে পুরোনো মাসে ধরা হয়: কোনো মাস দেরিতে ধরা হয় যখন তার শেষ তারিখের মধ্যে দেওয়া টাকা সেই মাসের শেষ পর্যন্ত অর্জিত সবকিছু মেটায়নি। { $today } (ভারত) তারিখের হিসাবে।
wages-late-filter = কেন্দ্র ও মাস বেছে নিন
wages-late-count = { $count }টি মাস দেরিতে
wages-late-unpaid = { $count }টি এখনও বাকি
wages-late-col-due = শেষ তারিখ
wages-late-col-earned-month = সেই মাসের আয়
wages-late-col-earned-through = মাসের শেষ পর্যন্ত আয়
wages-late-col-paid-by-deadline = শেষ তারিখের মধ্যে দেওয়া
wages-late-col-short = ঘাটতি
wages-late-col-covered = পুরো মেটানো হয়েছে
wages-late-still-unpaid = এখনও বাকি
wages-late-none = { $from } থেকে কোনো মজুরি দেরিতে দেওয়া হয়নি: যে মাসেরই শেষ তারিখ পেরিয়েছে, তার পুরো মজুরি পরের মাসের 7 তারিখের মধ্যে দেওয়া হয়েছে।

## হিসাবের খাতা (ledger.html)
wages-ledger-heading = মজুরির হিসাবের খাতা
wages-ledger-hint = এন্ট্রি কখনও বদলানো বা মোছা হয় না; সংশোধন একটি নতুন এন্ট্রি। সংশোধন অনুমোদনের পরেই গণ্য হয়। অঙ্কগুলি কারিগরের দিক থেকে: আয় ধনাত্মক, প্রদত্ত টাকা ঋণাত্মক।
wages-ledger-filter = খাতা বাছাই করুন
wages-ledger-artisan = কারিগরের সর্বজনীন আইডি
wages-ledger-from = থেকে
wages-ledger-to = পর্যন্ত
wages-ledger-clear = মুছে ফেলুন
wages-ledger-caption = খাতার এন্ট্রি, নতুনগুলি আগে
wages-ledger-col-kind = ধরন
wages-ledger-col-piece-order = গয়না / অর্ডার
wages-ledger-col-details = বিবরণ
wages-ledger-col-recorded-by = কে লিখেছেন
wages-ledger-col-hash = হ্যাশ
wages-ledger-not-counted = গণ্য হয়নি
wages-ledger-piece = গয়না { $id }
wages-ledger-order = অর্ডার { $id }
wages-ledger-none = কোনো এন্ট্রি নেই।
wages-ledger-none-filter = এই বাছাইয়ের সঙ্গে কোনো এন্ট্রি মেলে না।
wages-ledger-pages = পাতা
wages-ledger-newer = নতুন এন্ট্রি
wages-ledger-older = পুরোনো এন্ট্রি

## কারিগরের মজুরির বিবরণী (statement.html)
wages-st-heading = মজুরির বিবরণী — { $month }
wages-st-nav = অন্য মাস ও রূপ
wages-st-csv = CSV হিসেবে ডাউনলোড করুন
wages-st-center-month = { $center }, এই মাস
wages-st-slip = বেতনের স্লিপ (কারিগরের ভাষায়, A5)
wages-st-confidential = গোপনীয়: আইনি নাম শুধু হিসাব বিভাগ দেখতে পায়, এবং এই দেখা আপনার নামে অডিট লগে নথিভুক্ত হয়। ব্রাউজারের প্রিন্ট কমান্ড দিয়ে প্রিন্ট করুন; ব্যাক অফিসের বার প্রিন্টে আসে না।
wages-st-name = নাম
wages-st-alias = দোকানে যে নামে পরিচিত
wages-st-workshop = কর্মশালা
wages-st-month = মাস
wages-st-month-due = { $month } (মজুরি { $deadline }-এর মধ্যে প্রাপ্য)
wages-st-summary = সারসংক্ষেপ
wages-st-balance-start = মাসের শুরুতে পাওনা
wages-st-wages-earned = অর্জিত মজুরি ({ $pieces }টি গয়না, সেগুলিতে নথিভুক্ত { $hours } ঘণ্টা)
wages-st-top-ups-included = ন্যূনতম মজুরির ঘাটতি পূরণসহ
wages-st-bonuses = বিক্রয় বোনাস
wages-st-adjustments = সংশোধন (অনুমোদিত)
wages-st-paid = এই মাসে দেওয়া হয়েছে
wages-st-balance-end = মাসের শেষে বাকি পাওনা
wages-st-truth = ন্যূনতম সীমার তুলনায় মাস (হাজিরা খাতা)
wages-st-register-hours = হাজিরা খাতায় বেতনযোগ্য ঘণ্টা
wages-st-income = বিক্রয় বোনাস ছাড়া আয় (বেতন বা পিস-রেট মজুরি, ওভারটাইম, ঘাটতি পূরণ, সংশোধন)
wages-st-legal = এই ঘণ্টার জন্য আইনি ন্যূনতম
wages-st-living = এই ঘণ্টার জন্য জীবনধারণের উপযোগী মজুরি
wages-st-top-up-due = মাসের হিসাব বন্ধ হলে যে ঘাটতি পূরণ লেখা হবে (এখনও বাকি পাওনায় ধরা নেই)
wages-st-bonuses-apart = বিক্রয় বোনাস (আলাদা: কোনো সীমার হিসাবে কখনও ধরা হয় না)
wages-st-below-legal = ঘণ্টার হিসাবে আইনি ন্যূনতম মজুরির নিচে।
wages-st-below-living = ঘণ্টার হিসাবে জীবনধারণের উপযোগী মজুরির নিচে।
wages-st-no-register = এই মাসে হাজিরা খাতায় কোনো ঘণ্টা নেই: আয় ন্যূনতম সীমার সঙ্গে তুলনা করা হয়নি।
wages-st-late = এই মাসের পুরো মজুরি { $deadline }-এর মধ্যে দেওয়া হয়নি।
wages-st-pending = এই মাসের { $count }টি সংশোধন অন্য একজনের অনুমোদনের অপেক্ষায় এবং এখনও গণ্য হয়নি।
wages-st-pieces-heading = গৃহীত গয়না
wages-st-col-sku = SKU
wages-st-col-piece = গয়না
wages-st-col-hours = ঘণ্টা
wages-st-col-wage-share = মজুরির ভাগ
wages-st-no-pieces = এই মাসে কোনো গয়না গৃহীত হয়নি।
wages-st-top-ups-heading = ন্যূনতম মজুরির ঘাটতি পূরণ
wages-st-col-for-hours = বেতনযোগ্য ঘণ্টার জন্য
wages-st-bonuses-heading = বিক্রয় বোনাস
wages-st-col-order = অর্ডার
wages-st-col-rate = হার
wages-st-bonus-rate = নিট বিক্রির { $percent }%
wages-st-no-bonuses = এই মাসে কোনো বিক্রয় বোনাস নেই।
wages-st-adjustments-heading = সংশোধন
wages-st-no-adjustments = এই মাসে কোনো সংশোধন নেই।
wages-st-payments-heading = প্রদত্ত টাকা
wages-st-col-method = কীভাবে
wages-st-col-reference = রেফারেন্স
wages-st-no-payments = এই মাসে কোনো টাকা দেওয়া হয়নি।
wages-st-received-by = প্রাপক:
wages-st-date = তারিখ:

## মজুরি নীতি (policy.html)
wages-policy-heading = মজুরি নীতি
wages-policy-intro = প্রতিটি কেন্দ্রের আইনি ন্যূনতম মজুরি (দক্ষ শ্রেণি), জীবনধারণের উপযোগী মজুরির মানদণ্ড, নির্ধারিত ঘণ্টা, লক্ষ্য গুণক ও বিক্রয় বোনাসের শতাংশ, যে তারিখ থেকে সেগুলি চালু। আগের মাসগুলি সবসময় সেই সময়ে চালু সংস্করণ দিয়েই বিচার করা হয়।
wages-policy-caption = { $city }-এর নীতির সংস্করণ, নতুনটি আগে
wages-policy-col-from = চালু
wages-policy-col-legal = আইনি ন্যূনতম / মাস
wages-policy-col-living = জীবনধারণের উপযোগী মজুরি / মাস
wages-policy-col-hours = ঘণ্টা / মাস
wages-policy-col-target = লক্ষ্য ×
wages-policy-col-bonus = বিক্রয় বোনাস
wages-policy-col-deductions = অনুমোদিত কর্তন
wages-policy-col-source = সূত্র
wages-policy-col-recorded = নথিভুক্ত
wages-policy-in-force = চালু
wages-policy-none = এখনও কোনো সংস্করণ নেই।
wages-policy-add-heading = নতুন সংস্করণ যোগ করুন
wages-policy-prefilled = চালু সংস্করণ থেকে আগে থেকেই ভরা। অঙ্ক টাকায়। হার প্রতি জানুয়ারি ও জুলাইয়ে সংশোধিত হয়।
wages-policy-prefilled-center = বাছাই করা কেন্দ্রে চালু সংস্করণ থেকে আগে থেকেই ভরা। অঙ্ক টাকায়। হার প্রতি জানুয়ারি ও জুলাইয়ে সংশোধিত হয়।
wages-policy-effective-from = যে তারিখ থেকে চালু
wages-policy-legal-min = মাসিক আইনি ন্যূনতম, ₹
wages-policy-living-wage = মাসিক জীবনধারণের উপযোগী মজুরি, ₹
wages-policy-living-wage-hint = কোনো অঙ্ক না থাকলে খালি রাখুন; পাতাগুলিতে লেখা থাকবে যে হিসাব বিভাগকে তা দিতে হবে।
wages-policy-standard-hours = মাসে নির্ধারিত ঘণ্টা
wages-policy-standard-hours-hint = 208 = 8 ঘণ্টা × 26 বেতনযোগ্য দিন (1 থেকে 300)।
wages-policy-multiplier = লক্ষ্য গুণক
wages-policy-multiplier-hint = প্রস্তাবিত পিস-রেট মজুরি = ঘণ্টা × এই গুণক × ঘণ্টাপ্রতি জীবনধারণের উপযোগী মজুরি, যেমন 1.2।
wages-policy-bonus = বিক্রয় বোনাস, নিট বিক্রির %
wages-policy-deductions = এই নীতিতে অনুমোদিত কর্তন (মজুরি বিধি ধারা 18; সব মিলিয়ে কখনও মাসের মজুরির অর্ধেকের বেশি নয়; জরিমানা কখনও কাটা হয় না)
wages-policy-source = অঙ্কগুলির সূত্র
wages-policy-submit = এই সংস্করণ যোগ করুন
wages-policy-deductions-none = নেই

## ব্যাক অফিসে কর্তনের ধরন (কোড অনুযায়ী)
wages-deduction-absence = কাজে অনুপস্থিতি
wages-deduction-advance_recovery = অগ্রিম বা বেশি দেওয়া টাকা আদায়
wages-deduction-loan_recovery = ঋণ আদায়
wages-deduction-housing = দেওয়া বাসস্থান
wages-deduction-amenities = দেওয়া সুবিধা ও পরিষেবা
wages-deduction-income_tax = আয়কর
wages-deduction-court_order = আদালত বা কর্তৃপক্ষের আদেশ
wages-deduction-provident_fund = প্রভিডেন্ট ফান্ড বা পেনশন
wages-deduction-social_security = সামাজিক সুরক্ষা (ESI, বিমা)

## ব্যাক অফিসে খাতার এন্ট্রির ধরন (কোড অনুযায়ী)
wages-entry-wage_earned = অর্জিত মজুরি
wages-entry-sale_bonus = বিক্রয় বোনাস
wages-entry-payout = প্রদত্ত টাকা
wages-entry-adjustment = সংশোধন
wages-entry-adjustment_approved = সংশোধন অনুমোদিত
wages-entry-adjustment_rejected = সংশোধন বাতিল
wages-entry-minimum_wage_top_up = ন্যূনতম মজুরির ঘাটতি পূরণ
wages-entry-salary = বেতন বা প্রশিক্ষণ ভাতা
wages-entry-overtime_premium = ওভারটাইম (দ্বিগুণ হার)
wages-entry-deduction = কর্তন

## বিনিময় হার (rates.html)
wages-rates-heading = বিনিময় হার
wages-rates-intro = বিক্রয় বোনাস টাকায় বদলানো হয় যেদিন অর্ডারের দাম মেটানো হয়েছে সেদিনের নথিভুক্ত হারে। যেদিনের হার নথিভুক্ত নেই সেদিন দাম মেটানো অর্ডারের বোনাস অপেক্ষায় থাকে, এবং এখানে হার নথিভুক্ত হলে খাতায় লেখা হয়।
wages-rates-record-heading = হার নথিভুক্ত করুন
wages-rates-currency = বিক্রির মুদ্রা
wages-rates-day = দিন
wages-rates-rate = এককপ্রতি টাকা
wages-rates-rate-hint = যেমন 84.25 (দশমিকের পরে 6 অঙ্ক পর্যন্ত, দশমিক চিহ্ন হিসেবে বিন্দু)।
wages-rates-source = সূত্র
wages-rates-source-hint = হারটি কোথা থেকে নেওয়া, যেমন “RBI রেফারেন্স রেট” (এই মুদ্রায় দাম মেটানো ক্রেতাদের এই হারেই দাম নেওয়া হয়)।
wages-rates-submit = হার নথিভুক্ত করুন
wages-rates-recorded-heading = নথিভুক্ত হার
wages-rates-caption = নথিভুক্ত বিনিময় হার, সাম্প্রতিকটি আগে
wages-rates-col-currency = মুদ্রা
wages-rates-col-rate = এককপ্রতি ₹
wages-rates-col-recorded = নথিভুক্ত
wages-rates-none = এখনও কোনো হার নথিভুক্ত নেই।
wages-recorded-by-at = { $by }, { $at }

## হাজিরা খাতা (register.html)
wages-register-back = কাজের শর্ত
wages-register-heading = হাজিরা খাতা: { $city }, { $week } থেকে শুরু সপ্তাহ
wages-register-intro = প্রত্যেক কারিগরের দিনপ্রতি ঘণ্টা, ধরন অনুযায়ী (8, 7.5 বা 7.25)। দিনে 8 ঘণ্টা বা সপ্তাহে 48 ঘণ্টার বেশি হলে ওভারটাইম, যার মজুরি সাধারণ হারের দ্বিগুণ। বিনা বেতনে ছুটি নথিভুক্ত হয় কিন্তু তার টাকা দেওয়া হয় না; বন্ধ মাস বদলানো যায় না।
wages-register-weeks = অন্য সপ্তাহ
wages-register-prev = আগের সপ্তাহ
wages-register-next = পরের সপ্তাহ
wages-register-week-of = সপ্তাহের প্রথম দিন
wages-register-caption = { $week } থেকে শুরু সপ্তাহের ঘণ্টা, প্রত্যেক কারিগর ও সময়ের ধরনের জন্য একটি সারি
wages-register-col-artisan-kind = কারিগর ও সময়ের ধরন
wages-register-no-artisans = এই কেন্দ্রে এখনও কোনো কারিগর নেই।
wages-register-save = সপ্তাহ সংরক্ষণ করুন
wages-register-confirm-heading = কারিগরের সম্মতি
wages-register-confirm-hint = প্রত্যেক কারিগরকে তাঁর সপ্তাহ পড়ে শোনান (বা তাঁকে পড়তে দিন)। তিনি একমত হলে যেদিন সম্মতি দিয়েছেন সেই দিনটি নথিভুক্ত করুন। পরে সপ্তাহ বদলালে সম্মতি বাতিল হয়ে যায়।
wages-register-confirm-caption = { $week } থেকে শুরু সপ্তাহে কে সম্মতি দিয়েছেন
wages-register-col-confirmed = সম্মতি
wages-register-col-record = সম্মতি নথিভুক্ত করুন
wages-register-confirmed-on = { $date } তারিখে ({ $by } নথিভুক্ত করেছেন)
wages-register-not-yet = এখনও নয়
wages-register-no-hours = এই সপ্তাহে কোনো ঘণ্টা নেই
wages-register-confirm-day = { $alias } যেদিন সম্মতি দিয়েছেন
wages-register-record = নথিভুক্ত করুন
wages-register-import-heading = CSV ফাইল থেকে ঘণ্টা আমদানি করুন
wages-register-import-columns = কলাম
wages-register-import-hint = এবং এই শিরোনামের সারি; কারিগর ডাকনাম বা আইডি দিয়ে, তারিখ 2026-11-02-এর মতো, ধরন production, training, design, rework, waiting, leave_paid, leave_unpaid, holiday-এর একটি, আর ঘণ্টা 8 বা 7.5-এর মতো (0 দিলে ঘর খালি হয়)। প্রতিটি সারি সেই কারিগরের সেই দিনের সেই ধরনের ঘণ্টার জায়গা নেয়; খাতার বাকিটা যেমন আছে থাকে। সব সমস্যা একসঙ্গে দেখানো হয় এবং ফাইল ঠিক না হওয়া পর্যন্ত কিছুই সংরক্ষিত হয় না।
wages-register-csv-file = CSV ফাইল
wages-register-import = আমদানি করুন

## কাজের শর্ত (terms.html)
wages-terms-heading = কাজের শর্ত
wages-terms-intro = প্রত্যেক কারিগরকে কীভাবে মজুরি দেওয়া হয়, প্রতিটি সংস্করণ যেদিন থেকে চালু সেদিন থেকে। শর্ত যা-ই হোক, কোনো মাসের মজুরি হাজিরা খাতায়র বেতনযোগ্য ঘণ্টার আইনি ন্যূনতমের কম কখনও হয় না: মাসের হিসাব বন্ধের সময় ঘাটতি পূরণ করা হয়।
wages-terms-caption = কারিগর অনুযায়ী কাজের শর্ত, নতুন সংস্করণ আগে
wages-terms-col-from = থেকে
wages-terms-col-until = পর্যন্ত
wages-terms-col-amount = মাসিক অঙ্ক
wages-terms-col-hours = ঘণ্টা / মাস
wages-terms-col-note = মন্তব্য
wages-terms-col-recorded = নথিভুক্ত
wages-terms-none = কোনো শর্ত নথিভুক্ত নেই: পিস-রেট হিসেবে, ন্যূনতম মজুরির নিশ্চয়তাসহ বিচার করা হয়।
wages-terms-add-heading = নতুন সংস্করণ যোগ করুন
wages-terms-artisan-option = { $alias } ({ $city })
wages-terms-effective-from = যে তারিখ থেকে চালু
wages-terms-ends-on = কাজের শেষ দিন
wages-terms-basis = মজুরির ভিত্তি
wages-terms-salary = মাসিক বেতন বা ভাতা, ₹
wages-terms-salary-hint = মাসিক বেতন বা প্রশিক্ষণ ভাতার জন্য; পিস-রেটের জন্য খালি রাখুন।
wages-terms-hours = মাসে নির্ধারিত ঘণ্টা
wages-terms-hours-hint = 208 = 8 ঘণ্টা × 26 বেতনযোগ্য দিন।
wages-terms-note = মন্তব্য
wages-terms-submit = এই শর্ত সংরক্ষণ করুন

## কর্তন নথিভুক্ত করা (deduction.html)
wages-deduct-heading = কর্তন নথিভুক্ত করুন
wages-deduct-hint = গোপনীয়: এই পাতায় আইনি নাম দেখা যায়; প্রতিবার দেখা অডিট লগে নথিভুক্ত হয়। মজুরি নীতিতে যে কর্তনগুলি আছে (মজুরি বিধি ধারা 18) শুধু সেগুলিই নথিভুক্ত করা যায়; জরিমানা কখনও কাটা হয় না; এক মাসের সব কর্তন মিলিয়ে সেই মাসের মজুরির অর্ধেকের বেশি হয় না। প্রতিটি কর্তন তার কারণসহ কারিগরের বেতনের স্লিপে দেখা যায়।
wages-deduct-artisan-option = { $alias } — { $legal_name } ({ $center })
wages-deduct-kind = কর্তনের ধরন
wages-deduct-amount = কেটে রাখা টাকা, ₹
wages-deduct-day = যে দিনের জন্য
wages-deduct-submit = কর্তন নথিভুক্ত করুন

## পাতার হ্যান্ডলার যে বিজ্ঞপ্তি ও সতর্কতা দেখায়
wages-no-living-wage = { $city }-এর জীবনধারণের উপযোগী মজুরির কোনো অঙ্ক নেই: হিসাব বিভাগকে তা দিতে হবে (মজুরি নীতির পাতা)।
wages-no-living-wage-short = { $city }-এর জীবনধারণের উপযোগী মজুরির কোনো অঙ্ক নেই: হিসাব বিভাগকে তা দিতে হবে।
wages-notice-payout = প্রদত্ত টাকা হিসাবের খাতায় নথিভুক্ত হয়েছে; নিচের বাকি পাওনায় তা ধরা আছে।
wages-notice-deduction = কর্তন হিসাবের খাতায় নথিভুক্ত হয়েছে; তা কারণসহ বেতনের স্লিপে দেখা যাবে।
wages-notice-adj-proposed = সংশোধনটি খাতায় আছে। হিসাব বিভাগের অন্য একজন বা একজন অ্যাডমিন অনুমোদন করলে তবেই তা গণ্য হবে।
wages-notice-adj-approved = সংশোধন অনুমোদিত হয়েছে; এখন তা কারিগরের বাকি পাওনায় গণ্য হয়।
wages-notice-adj-rejected = সংশোধন বাতিল হয়েছে; তা কখনও কোনো পাওনায় গণ্য হবে না।
wages-notice-week-saved = সপ্তাহ সংরক্ষিত হয়েছে।
wages-no-policy = { $city }-এ কোনো মজুরি নীতি চালু নেই: হিসাব বিভাগকে একটি যোগ করতে হবে।
