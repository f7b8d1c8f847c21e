# Words every feature shares: month names and date patterns.
# Digits stay 0–9 in every language (see src/i18n/number.rs).

month-1 = जनवरी
month-2 = फ़रवरी
month-3 = मार्च
month-4 = अप्रैल
month-5 = मई
month-6 = जून
month-7 = जुलाई
month-8 = अगस्त
month-9 = सितंबर
month-10 = अक्टूबर
month-11 = नवंबर
month-12 = दिसंबर
date-month-year = { $month } { $year }
date-day-month-year = { $day } { $month } { $year }
# The workshops' cities (by center code); a center without a name here shows its city as stored.
center-kolkata = कोलकाता
center-mumbai = मुंबई
