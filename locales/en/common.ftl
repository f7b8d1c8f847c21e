# Words every feature shares: month names and date patterns.
# Digits stay 0–9 in every language (see src/i18n/number.rs).

month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# "November 2026"
date-month-year = { $month } { $year }
# "5 November 2026"
date-day-month-year = { $day } { $month } { $year }
# The workshops' cities (by center code); a center without a name here shows its city as stored.
center-kolkata = Kolkata
center-mumbai = Mumbai
# Short month names for times on staff pages ("2 Dec 2026"); a language without
# abbreviations people read at a glance uses the full name.
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
# "2 Dec 2026"
date-short = { $day } { $month } { $year }
# A stored time in the reader's zone: "2 Dec 2026, 17:05 IST" ($zone: the zone's abbreviation).
date-time-local = { $date }, { $time } { $zone }
