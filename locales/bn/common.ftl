# Words every feature shares: month names and date patterns.
# Digits stay 0–9 in every language (see src/i18n/number.rs).

month-1 = জানুয়ারি
month-2 = ফেব্রুয়ারি
month-3 = মার্চ
month-4 = এপ্রিল
month-5 = মে
month-6 = জুন
month-7 = জুলাই
month-8 = আগস্ট
month-9 = সেপ্টেম্বর
month-10 = অক্টোবর
month-11 = নভেম্বর
month-12 = ডিসেম্বর
date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
# The workshops' cities (by center code); a center without a name here shows its city as stored.
center-kolkata = কলকাতা
center-mumbai = মুম্বাই
# Short month names for times on staff pages ("2 Dec 2026"); a language without
# abbreviations people read at a glance uses the full name.
month-short-1 = { month-1 }
month-short-2 = { month-2 }
month-short-3 = { month-3 }
month-short-4 = { month-4 }
month-short-5 = { month-5 }
month-short-6 = { month-6 }
month-short-7 = { month-7 }
month-short-8 = { month-8 }
month-short-9 = { month-9 }
month-short-10 = { month-10 }
month-short-11 = { month-11 }
month-short-12 = { month-12 }
# "2 Dec 2026"
date-short = { $day } { $month } { $year }
# A stored time in the reader's zone: "2 Dec 2026, 17:05 IST" ($zone: the zone's abbreviation).
date-time-local = { $date }, { $time } { $zone }
