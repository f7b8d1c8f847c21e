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
