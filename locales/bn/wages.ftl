# The wage vocabulary: ledger entry kinds, kinds of hour, deduction kinds, payout methods and
# pay bases, by their stored codes. Words as in locales/GLOSSARY.md.

entry-kind-wage_earned = পিস-রেট মজুরি
entry-kind-sale_bonus = বিক্রয় বোনাস
entry-kind-payout = প্রদত্ত টাকা
entry-kind-adjustment = সংশোধন
entry-kind-adjustment_approved = সংশোধন অনুমোদিত
entry-kind-adjustment_rejected = সংশোধন বাতিল
entry-kind-minimum_wage_top_up = ন্যূনতম মজুরির ঘাটতি পূরণ
entry-kind-salary = মাসিক বেতন বা ভাতা
entry-kind-overtime_premium = ওভারটাইমের মজুরি
entry-kind-deduction = কর্তন

hour-kind-production = উৎপাদন
hour-kind-training = প্রশিক্ষণ
hour-kind-design = নকশা
hour-kind-rework = সংশোধনের কাজ
hour-kind-waiting = কাঁচামালের জন্য অপেক্ষা
hour-kind-leave_paid = সবেতন ছুটি
hour-kind-leave_unpaid = বিনা বেতনে ছুটি
hour-kind-holiday = ছুটির দিন

deduction-absence = কাজে অনুপস্থিতি
deduction-advance_recovery = অগ্রিম মজুরি আদায়
deduction-loan_recovery = ঋণের কিস্তি
deduction-housing = দেওয়া বাসস্থান
deduction-amenities = দেওয়া সুযোগসুবিধা ও পরিষেবা
deduction-income_tax = আয়কর
deduction-court_order = আদালতের আদেশ
deduction-provident_fund = প্রভিডেন্ট ফান্ড (পিএফ)
deduction-social_security = সামাজিক সুরক্ষা অংশদান

payout-method-bank = ব্যাংক ট্রান্সফার
payout-method-upi = ইউপিআই
payout-method-cash = নগদ

pay-basis-monthly_salary = মাসিক বেতন
pay-basis-piece_rate = পিস-রেট, ন্যূনতম মজুরির নিশ্চয়তা সহ
pay-basis-trainee_stipend = প্রশিক্ষণ ভাতা
pay-basis-none = শর্ত লেখা নেই: ন্যূনতম মজুরির নিশ্চয়তা সহ পিস-রেট হিসেবে ধরা হয়েছে
