# Words every feature shares: month names and date patterns.
# Digits stay 0–9 in every language (see src/i18n/number.rs).

month-1 = जानेवारी
month-2 = फेब्रुवारी
month-3 = मार्च
month-4 = एप्रिल
month-5 = मे
month-6 = जून
month-7 = जुलै
month-8 = ऑगस्ट
month-9 = सप्टेंबर
month-10 = ऑक्टोबर
month-11 = नोव्हेंबर
month-12 = डिसेंबर
date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
# The workshops' cities (by center code); a center without a name here shows its city as stored.
center-kolkata = कोलकाता
center-mumbai = मुंबई
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
