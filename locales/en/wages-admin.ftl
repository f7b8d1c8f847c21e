# The finance pages under /admin/wages: the overview, month close, the center's month, earnings,
# payouts and adjustments. Words as in locales/GLOSSARY.md; amounts, hours and dates arrive
# formatted (₹ with lakh grouping, h:mm, the reader's date).

## Shared by several pages
wages-back = Wages
wages-confidential-audited = Confidential: this page shows legal names; each view is recorded in the audit log.
wages-nothing-recorded = Nothing was recorded; please correct the fields marked below.
wages-required = (required)
wages-choose = Choose…
wages-show = Show
wages-all-centers = All centers
wages-label-center = Center
wages-label-from-month = From month (YYYY-MM)
wages-label-to-month = To month (YYYY-MM)
wages-artisan-option = { $alias } — { $legal_name } ({ $center }) — owed { $owed }
wages-none-recorded = none recorded
wages-not-set = not set
wages-living-wage-not-checked = living wage not checked
wages-below-legal-count = { $count } below the legal minimum
wages-below-living-count = { $count } below the living wage
wages-flag-below-legal = Below legal minimum for the hours
wages-flag-below-living = Below living wage for the hours
wages-flag-no-register-hours = No hours in the time register
wages-flag-paid-late = Paid late
wages-col-artisan = Artisan
wages-col-legal-name = Legal name
wages-col-public-id = Public id
wages-col-center = Center
wages-col-month = Month
wages-col-pay-basis = Pay basis
wages-col-hours-worked = Hours worked
wages-col-overtime-hours = Overtime hours
wages-col-paid-leave-hours = Paid leave hours
wages-col-paid-hours = Paid hours
wages-col-salary = Salary
wages-col-piece-wages = Piece wages
wages-col-overtime-premium = Overtime premium
wages-col-paid-leave = Paid leave
wages-col-month-pay = Month's pay
wages-col-guaranteed = Guaranteed minimum
wages-col-top-up = Top-up
wages-col-top-up-due = Top-up due
wages-col-deductions = Deductions
wages-col-piece-hours-of-making = Hours on pieces / hours of making
wages-col-income = Income without bonuses
wages-col-legal-for-hours = Legal minimum for the hours
wages-col-living-for-hours = Living wage for the hours
wages-col-flags = Flags
wages-col-sale-bonuses = Sale bonuses
wages-col-pages = Pages
wages-col-pieces = Pieces
wages-col-hours-on-pieces = Hours on pieces
wages-col-wages = Wages
wages-col-bonuses = Bonuses
wages-col-adjustments = Adjustments
wages-col-paid = Paid
wages-col-amount = Amount
wages-col-date = Date
wages-col-reason = Reason
wages-col-total = Total
wages-caption-artisan-month = Each artisan's month

## Month close (month.html)
wages-month-heading = Month close: { $city }, { $month }
wages-month-closed = Closed by { $by } on { $date }.
wages-month-closed-locked = Nothing dated in { $month } can be recorded any more; corrections go into an open month as adjustments naming it.
wages-month-legal-min = Legal minimum { $monthly } a month over { $hours } hours ({ $hourly } an hour).
wages-month-guarantee = The guaranteed minimum is the month's paid hours (work, paid leave, holidays) at that rate, overtime hours counted twice.
wages-month-by-month = Wages are judged by the month, never per piece.
wages-month-more-than-register = more than the register
wages-month-top-ups = Top-ups
wages-month-empty = No hours, pieces or terms for this month.
wages-month-cannot-close = { $month } cannot be closed yet:
wages-month-problem-hours = Pieces accepted in { $month } claim { $claimed } hours of making by { $alias }, but the time register holds { $held } hours of production, design and rework: correct the register or the pieces' hours first.
wages-month-problem-deductions = Deductions for { $alias } total { $deductions }, more than half of the month's wages of { $wages } (Code on Wages s.18): record a correcting adjustment first.
wages-month-requested = { $by } asked to close { $month } on { $time }. A second person in finance, or an admin, must approve it.
wages-month-requested-by-me = You asked for this close: someone else must approve it.
wages-month-approve-hint = Approving posts each salary, overtime premium and top-up to the ledger, signs the ledger's head and locks { $month }: the ledger and the time register refuse anything dated in it from then on.
wages-month-approve = Approve: close { $month } and post { $amount } of top-ups
wages-month-withdraw = Withdraw the request
wages-month-request-hint = A month is closed by two people: you ask, and someone else in finance or an admin approves. Nothing is posted until then.
wages-month-request = Ask to close { $month }

## The finance overview (index.html)
wages-index-heading = Wages
wages-index-record-payout = Record a payout
wages-index-record-deduction = Record a deduction
wages-index-adjustments = Adjustments
wages-index-adjustments-waiting = Adjustments ({ $count } waiting)
wages-index-confidential = Confidential: this page shows artisans' legal names. Each view is recorded in the audit log under your name.
wages-index-ledger-intact =
    { $count ->
        [one] Ledger intact: the { $count } entry matches its hash and links to the entry before it.
       *[other] Ledger intact: all { $count } entries match their hashes and link to the entry before them.
    }
wages-index-ledger-last-hash = Last hash:
wages-index-ledger-broken = Ledger broken at entry { $entry }: { $reason }.
wages-index-ledger-broken-hint = Entries before it are intact; treat everything from entry { $entry } on as unproven until it is explained.
wages-index-adjustments-pending =
    { $count ->
        [one] { $count } adjustment waiting for approval
       *[other] { $count } adjustments waiting for approval
    }
wages-index-adjustments-pending-who = by a second finance or admin person.
wages-index-nav = Finance pages
wages-tile-earnings = Income against the floors
wages-tile-earnings-text = Monthly income without bonuses against the legal minimum and the living wage for the hours worked.
wages-tile-late = Late payments
wages-tile-late-text = Wages for a month not paid by the 7th of the next.
wages-tile-reconciliation = Reconciliation
wages-tile-reconciliation-text = Paid orders and their sale bonuses.
wages-tile-ledger = Ledger
wages-tile-ledger-text = Every entry, newest first.
wages-tile-policy = Wage policy
wages-tile-policy-text = Legal minimum, living wage, hours and bonus per center.
wages-tile-rates = Exchange rates
wages-tile-rates-text = Rupees per unit of each sale currency, by day.
wages-tile-gold = Gold rates
wages-tile-gold-text = The price of a gram of fine gold, by day: the gold line of each piece's price.
wages-tile-terms = Employment terms
wages-tile-terms-text = How each artisan is paid: salary, piece rate or stipend.
wages-tile-register = Time register
wages-tile-register-text = Hours per artisan and day, a week at a time.
wages-index-policy-since = Policy in force since { $date }:
wages-index-policy-legal = legal minimum { $amount }/month;
wages-index-policy-living = living wage { $amount }/month;
wages-index-policy-living-unset = living wage
wages-index-policy-hours = { $hours } hours a month;
wages-index-policy-target-living = target { $multiplier } × the living wage;
wages-index-policy-target-legal = target { $multiplier } × the legal minimum;
wages-index-policy-bonus = sale bonus { $percent }%.
wages-index-center-report = Center report:
wages-index-month-close = Month close:
wages-index-closed = { $month } (closed), by the time register:
wages-index-not-closed = { $month } (not closed yet), by the time register:
wages-index-below-legal = { $count } below the legal minimum for their hours
wages-index-below-living = { $count } below the living wage for their hours
wages-index-without-bonuses = Income is without sale bonuses.
wages-index-caption = What each artisan in { $city } is owed
wages-index-col-owed = Owed now
wages-index-col-month-paid-hours = { $month }: paid hours
wages-index-statement = Statement { $month }
wages-index-ledger = Ledger
wages-index-pay = Pay
wages-index-owed-in = Owed in { $city }
wages-index-no-artisans = No artisans registered at this center.
wages-export-heading = Audit export
wages-export-hint = A ZIP of CSV files for the period: ledger entries with their hashes, balances (with legal names), wage policies, exchange rates and the result of the ledger check. The export is recorded in the audit log.
wages-export-error = No export was made; please correct the dates below.
wages-export-first-day = First day
wages-export-last-day = Last day
wages-export-download = Download the export
wages-verify-heading = Check the ledger
wages-verify-hint = Recomputes every entry's hash and its link to the entry before it, as the command below does, and names the first entry that does not match:
wages-verify-button = Check the ledger now

## Pay bases as the back office names them (by code; `none`: no terms recorded)
wages-basis-monthly_salary = Monthly salary
wages-basis-piece_rate = Piece rate with the guaranteed minimum
wages-basis-trainee_stipend = Trainee stipend
wages-basis-none = No terms recorded (judged as piece rate)

## A center's month (center.html)
wages-center-nav = Other months and centers
wages-center-prev = Previous month
wages-center-next = Next month
wages-center-same-month = { $center }, same month
wages-center-earnings = Earnings over time
wages-center-confidential = Confidential: legal names are shown to finance only, and this view is recorded in the audit log under your name.
wages-center-policy-heading = Policy in force
wages-center-legal-min = Legal minimum: { $amount } a month
wages-center-living-wage = Living wage: { $amount } a month
wages-center-living-wage-unset = Living wage: not set
wages-center-standard-hours = Standard hours: { $hours } a month
wages-center-since = In force since { $date }
wages-center-source = Source: { $source }
wages-center-no-policy = This center has no wage policy in force this month: finance must add one (Wage policy page).
wages-center-artisans-heading = Artisans
wages-center-artisans-count =
    { $count ->
        [one] { $count } artisan
       *[other] { $count } artisans
    }
wages-center-late-count = { $count } paid late (deadline { $deadline })
wages-center-col-owed-end = Owed at month end
wages-center-col-flags = Flags (the month by the time register, below)
wages-center-register-heading = The month by the time register
wages-center-register-intro-1 = Each artisan's income for the month
wages-center-register-intro-without = without sale bonuses
wages-center-register-intro-2 = (wages, top-ups and approved adjustments) against the legal minimum and the living wage for the paid hours in the time register (the monthly figures pro-rated to { $hours } hours). Bonuses are shown apart and never lift a month over either line.
wages-center-register-intro-2-standard = (wages, top-ups and approved adjustments) against the legal minimum and the living wage for the paid hours in the time register (the monthly figures pro-rated to the standard hours). Bonuses are shown apart and never lift a month over either line.
wages-center-register-caption = Monthly income without bonuses against the floors for the register's hours
wages-center-per-hour-hint = Per hour = wages, bonuses and approved adjustments of the month divided by the hours recorded on the pieces accepted that month. A month is late when the payments made by the 7th of the next month did not cover everything earned up to its end (older months are paid first).

## Earnings against fair wages (earnings.html)
wages-earnings-heading = Earnings against fair wages
wages-earnings-filter = Choose centers and months
wages-earnings-reset = Last 12 months, all centers
wages-earnings-rows =
    { $count ->
        [one] { $count } artisan-month
       *[other] { $count } artisan-months
    }
wages-earnings-living-unset-somewhere = living wage not checked where it is not set
wages-earnings-hint-1 = Income = salary with overtime pay or piece wages, minimum-wage top-ups posted at month close and approved adjustments of the month,
wages-earnings-hint-without = without sale bonuses
wages-earnings-hint-2 = It is compared with the legal minimum and the living wage for the paid hours in the time register (the monthly figures of the policy in force at the month's end, pro-rated to its standard hours). Sale bonuses are shown apart and never lift a month over either line. A top-up still due is what month close would post now.
wages-earnings-figcaption = { $title }. The same figures are in the table below.
wages-earnings-caption = { $center }: income without bonuses against the floors for the hours worked, by month
wages-earnings-col-artisans = Artisans with hours
wages-earnings-col-below = Below
wages-earnings-below = { $legal } below the legal minimum
wages-earnings-below-both = { $legal } below the legal minimum, { $living } below the living wage
wages-earnings-per-artisan = Per artisan and month
wages-earnings-empty = No hours, income or bonuses in these months.

## Recording a payout (payout.html)
wages-payout-heading = Record a payout
wages-payout-hint = Confidential: this page shows legal names; each view is recorded in the audit log. The Code on Wages asks for payment by the 7th of the following month, preferably by bank credit or electronic transfer.
wages-payout-amount = Amount paid, ₹
wages-payout-date = Date paid
wages-payout-method = Method
wages-payout-reference = Reference
wages-payout-reference-hint = The bank or UPI transaction reference (required for those), or a receipt number for cash.
wages-payout-submit = Record the payout

## Adjustments (adjustments.html)
wages-adj-heading = Adjustments
wages-adj-intro = A mistake in the ledger is never edited: it is corrected by an adjustment (a reversing amount, with the reason and the entry it corrects). An adjustment counts only after someone else in finance, or an admin, approves it.
wages-adj-decision-error = Adjustment #{ $id }: { $error }
wages-adj-caption = Adjustments, those waiting for approval first
wages-adj-col-proposed-by = Proposed by
wages-adj-col-decision = Decision
wages-adj-corrects-entry = (corrects entry #{ $entry })
wages-adj-corrects-month = (corrects closed { $month })
wages-adj-waiting = Waiting for approval
wages-adj-note = Note (optional)
wages-adj-approve = Approve #{ $id }
wages-adj-reject = Reject #{ $id }
wages-adj-you-proposed = You proposed it: someone else must decide.
wages-adj-approved = Approved
wages-adj-rejected = Rejected
wages-adj-decided-by = by { $by }, { $at }
wages-adj-none = No adjustments yet.
wages-adj-propose-heading = Propose an adjustment
wages-adj-amount = Amount, ₹
wages-adj-amount-hint = Positive adds to what the artisan is owed; a leading minus takes away (e.g. -1500 reverses a wage counted twice).
wages-adj-corrects = Corrects entry #
wages-adj-corrects-month-label = Corrects a closed month (YYYY-MM)
wages-adj-corrects-month-hint = A closed month takes no entries: date the correction in an open month and name the closed one here.
wages-adj-submit = Propose the adjustment

## Bonus reconciliation (reconciliation.html)
wages-rec-heading = Bonus reconciliation
wages-rec-intro = Every paid order must have a sale bonus in the ledger for each of its pieces, and every sale bonus must belong to a paid order. Each posted bonus is also recomputed from the recorded exchange rate and the policy in force on the payment day.
wages-rec-clean =
    { $count ->
        [one] All { $count } paid order reconciled: every piece has its bonus, and every bonus belongs to a paid order.
       *[other] All { $count } paid orders reconciled: every piece has its bonus, and every bonus belongs to a paid order.
    }
wages-rec-paid-orders =
    { $count ->
        [one] { $count } paid order:
       *[other] { $count } paid orders:
    }
wages-rec-missing =
    { $count ->
        [one] { $count } piece without a bonus,
       *[other] { $count } pieces without a bonus,
    }
wages-rec-orphans =
    { $count ->
        [one] { $count } bonus entry without a paid order,
       *[other] { $count } bonus entries without a paid order,
    }
wages-rec-wrong =
    { $count ->
        [one] { $count } bonus with a different amount.
       *[other] { $count } bonuses with a different amount.
    }
wages-rec-missing-heading = Paid orders without a bonus
wages-rec-col-order = Order
wages-rec-col-paid-on = Paid on
wages-rec-col-piece = Piece
wages-rec-col-why = Why
wages-rec-orphans-heading = Bonuses without a paid order
wages-rec-col-entry = Ledger entry
wages-rec-col-order-id = Order id
wages-rec-col-piece-id = Piece id
wages-rec-col-problem = Problem
wages-rec-wrong-heading = Bonuses that differ from the recomputation
wages-rec-col-posted = Posted
wages-rec-col-recomputed = Recomputed
wages-rec-wrong-hint = A wrong bonus is corrected with an adjustment (approved by a second person); ledger entries are never changed.

## Late payments (late.html)
wages-late-heading = Late payments
wages-late-intro = The Code on Wages (s.17) requires a month's wages to be paid by the 7th of the next month. Payments are applied to the oldest month first: a month is late when everything paid by its deadline did not cover everything earned up to its end. Judged on { $today } (India).
wages-late-filter = Choose center and months
wages-late-count =
    { $count ->
        [one] { $count } late month
       *[other] { $count } late months
    }
wages-late-unpaid = { $count } still unpaid
wages-late-col-due = Due by
wages-late-col-earned-month = Earned that month
wages-late-col-earned-through = Earned up to its end
wages-late-col-paid-by-deadline = Paid by the deadline
wages-late-col-short = Short by
wages-late-col-covered = Covered on
wages-late-still-unpaid = still unpaid
wages-late-none = No late payments since { $from }: every month whose deadline has passed was paid in full by the 7th of the next month.

## The ledger (ledger.html)
wages-ledger-heading = Wage ledger
wages-ledger-hint = Entries are never changed or deleted; a correction is a new entry. An adjustment counts only once approved. Amounts are from the artisan's side: earnings positive, payouts negative.
wages-ledger-filter = Filter the ledger
wages-ledger-artisan = Artisan public id
wages-ledger-from = From
wages-ledger-to = To
wages-ledger-clear = Clear
wages-ledger-caption = Ledger entries, newest first
wages-ledger-col-kind = Kind
wages-ledger-col-piece-order = Piece / order
wages-ledger-col-details = Details
wages-ledger-col-recorded-by = Recorded by
wages-ledger-col-hash = Hash
wages-ledger-not-counted = not counted
wages-ledger-piece = piece { $id }
wages-ledger-order = order { $id }
wages-ledger-none = No entries.
wages-ledger-none-filter = No entries match this filter.
wages-ledger-pages = Pages
wages-ledger-newer = Newer entries
wages-ledger-older = Older entries

## An artisan's statement (statement.html)
wages-st-heading = Wage statement — { $month }
wages-st-nav = Other months and formats
wages-st-csv = Download as CSV
wages-st-center-month = { $center }, this month
wages-st-slip = Pay slip (the artisan's language, A5)
wages-st-confidential = Confidential: the legal name is shown to finance only, and this view is recorded in the audit log under your name. Print with your browser's Print command; the back-office bar is left out of the printout.
wages-st-name = Name
wages-st-alias = Known in the shop as
wages-st-workshop = Workshop
wages-st-month = Month
wages-st-month-due = { $month } (wages due by { $deadline })
wages-st-summary = Summary
wages-st-balance-start = Owed at the start of the month
wages-st-wages-earned =
    { $pieces ->
        [one] Wages earned ({ $pieces } piece, { $hours } hours recorded on it)
       *[other] Wages earned ({ $pieces } pieces, { $hours } hours recorded on them)
    }
wages-st-top-ups-included = minimum-wage top-ups included
wages-st-bonuses = Sale bonuses
wages-st-adjustments = Adjustments (approved)
wages-st-paid = Paid this month
wages-st-balance-end = Still owed at the end of the month
wages-st-truth = The month against the floors (time register)
wages-st-register-hours = Paid hours in the time register
wages-st-income = Income without sale bonuses (salary or piece wages, overtime, top-ups, adjustments)
wages-st-legal = Legal minimum for these hours
wages-st-living = Living wage for these hours
wages-st-top-up-due = Top-up month close would post (not yet in the balance)
wages-st-bonuses-apart = Sale bonuses (apart: never counted towards either line)
wages-st-below-legal = Below the legal minimum for the hours.
wages-st-below-living = Below the living wage for the hours.
wages-st-no-register = No hours in the time register this month: the income is not compared with the floors.
wages-st-late = The wages of this month were not all paid by { $deadline }.
wages-st-pending =
    { $count ->
        [one] { $count } adjustment of this month awaits a second person's approval and is not counted yet.
       *[other] { $count } adjustments of this month await a second person's approval and are not counted yet.
    }
wages-st-pieces-heading = Pieces accepted
wages-st-col-sku = SKU
wages-st-col-piece = Piece
wages-st-col-hours = Hours
wages-st-col-wage-share = Wage share
wages-st-no-pieces = No pieces accepted this month.
wages-st-top-ups-heading = Minimum-wage top-ups
wages-st-col-for-hours = For paid hours
wages-st-bonuses-heading = Sale bonuses
wages-st-col-order = Order
wages-st-col-rate = Rate
wages-st-bonus-rate = { $percent }% of the net sale
wages-st-no-bonuses = No sale bonuses this month.
wages-st-adjustments-heading = Adjustments
wages-st-no-adjustments = No adjustments this month.
wages-st-payments-heading = Payments
wages-st-col-method = Method
wages-st-col-reference = Reference
wages-st-no-payments = No payments this month.
wages-st-received-by = Received by:
wages-st-date = Date:

## Wage policy (policy.html)
wages-policy-heading = Wage policy
wages-policy-intro = Each center's legal minimum (skilled grade), living-wage benchmark, standard hours, target multiplier and sale-bonus percentage, by the date they apply from. Past months are always judged by the version in force then.
wages-policy-caption = Policy versions for { $city }, newest first
wages-policy-col-from = From
wages-policy-col-legal = Legal minimum / month
wages-policy-col-living = Living wage / month
wages-policy-col-hours = Hours / month
wages-policy-col-target = Target ×
wages-policy-col-bonus = Sale bonus
wages-policy-col-deductions = Deductions allowed
wages-policy-col-source = Source
wages-policy-col-recorded = Recorded
wages-policy-in-force = in force
wages-policy-none = No versions yet.
wages-policy-add-heading = Add a version
wages-policy-prefilled = Pre-filled from the version in force. Amounts in rupees. Rates are revised each January and July.
wages-policy-prefilled-center = Pre-filled from the version in force at the chosen center. Amounts in rupees. Rates are revised each January and July.
wages-policy-effective-from = Effective from
wages-policy-legal-min = Legal minimum per month, ₹
wages-policy-living-wage = Living wage per month, ₹
wages-policy-living-wage-hint = Leave blank while there is no figure; pages will say finance must enter one.
wages-policy-standard-hours = Standard hours per month
wages-policy-standard-hours-hint = 208 = 8 hours × 26 paid days (1 to 300).
wages-policy-multiplier = Target multiplier
wages-policy-multiplier-hint = The proposed piece wage is hours × this × the living wage per hour, e.g. 1.2.
wages-policy-bonus = Sale bonus, % of the net sale
wages-policy-deductions = Deductions this policy allows (Code on Wages s.18; all together never more than half a month's wages; fines are never deducted)
wages-policy-source = Source of the figures
wages-policy-submit = Add this version
wages-policy-deductions-none = none

## Deduction kinds as the back office names them (by code)
wages-deduction-absence = Absence from duty
wages-deduction-advance_recovery = Recovery of an advance or overpayment
wages-deduction-loan_recovery = Recovery of a loan
wages-deduction-housing = Housing provided
wages-deduction-amenities = Amenities and services provided
wages-deduction-income_tax = Income tax
wages-deduction-court_order = Court or authority order
wages-deduction-provident_fund = Provident fund or pension
wages-deduction-social_security = Social security (ESI, insurance)

## Ledger entry kinds as the back office names them (by code)
wages-entry-wage_earned = Wage earned
wages-entry-sale_bonus = Sale bonus
wages-entry-payout = Payout
wages-entry-adjustment = Adjustment
wages-entry-adjustment_approved = Adjustment approved
wages-entry-adjustment_rejected = Adjustment rejected
wages-entry-minimum_wage_top_up = Minimum-wage top-up
wages-entry-salary = Salary or stipend
wages-entry-overtime_premium = Overtime (twice the rate)
wages-entry-deduction = Deduction

## Exchange rates (rates.html)
wages-rates-heading = Exchange rates
wages-rates-intro = A sale bonus is converted to rupees at the rate recorded for the day the order was paid. Bonuses of orders paid on a day without a rate wait, and are posted when the rate is recorded here.
wages-rates-record-heading = Record a rate
wages-rates-currency = Sale currency
wages-rates-day = Day
wages-rates-rate = Rupees per unit
wages-rates-rate-hint = e.g. 84.25 (up to 6 decimal places, a point as decimal separator).
wages-rates-source = Source
wages-rates-source-hint = Where the rate comes from, e.g. “RBI reference rate” (buyers paying in this currency are charged at it).
wages-rates-submit = Record the rate
wages-rates-recorded-heading = Recorded rates
wages-rates-caption = Recorded exchange rates, most recent first
wages-rates-col-currency = Currency
wages-rates-col-rate = ₹ per unit
wages-rates-col-recorded = Recorded
wages-rates-none = No rates recorded yet.
wages-recorded-by-at = { $by }, { $at }

## The time register (register.html)
wages-register-back = Employment terms
wages-register-heading = Time register: { $city }, week of { $week }
wages-register-intro = Hours per artisan and day, by kind (8, 7.5 or 7.25). Beyond 8 hours a day or 48 hours a week is overtime, paid at twice the ordinary rate. Unpaid leave is recorded but not paid; a closed month cannot change.
wages-register-weeks = Other weeks
wages-register-prev = Previous week
wages-register-next = Next week
wages-register-week-of = Week of
wages-register-caption = Hours for the week of { $week }, one row per artisan and kind of hour
wages-register-col-artisan-kind = Artisan and kind of hour
wages-register-no-artisans = This center has no artisans yet.
wages-register-save = Save the week
wages-register-confirm-heading = Confirmed by the artisan
wages-register-confirm-hint = Read each artisan their week (or let them read it). When they agree, record the day they confirmed it. Changing the week afterwards withdraws the confirmation.
wages-register-confirm-caption = Who confirmed the week of { $week }
wages-register-col-confirmed = Confirmed
wages-register-col-record = Record a confirmation
wages-register-confirmed-on = on { $date } (recorded by { $by })
wages-register-not-yet = not yet
wages-register-no-hours = no hours this week
wages-register-confirm-day = Day { $alias } confirmed
wages-register-record = Record
wages-register-import-heading = Import hours from a CSV file
wages-register-import-columns = Columns
wages-register-import-hint = with that header line; the artisan by alias or id, the date as 2026-11-02, the kind as one of production, training, design, rework, waiting, leave_paid, leave_unpaid, holiday, and hours like 8 or 7.5 (0 clears a cell). Each row replaces that artisan's hours of that kind on that day; the rest of the register stays. Every problem is listed at once and nothing is saved until the file is right.
wages-register-csv-file = CSV file
wages-register-import = Import

## Employment terms (terms.html)
wages-terms-heading = Employment terms
wages-terms-intro = How each artisan is paid, from the day each version applies. Whatever the terms, a month never pays less than the legal minimum for the paid hours in the time register: month close tops it up.
wages-terms-caption = Employment terms by artisan, newest version first
wages-terms-col-from = From
wages-terms-col-until = Until
wages-terms-col-amount = Monthly amount
wages-terms-col-hours = Hours / month
wages-terms-col-note = Note
wages-terms-col-recorded = Recorded
wages-terms-none = No terms recorded: judged as piece rate with the guaranteed minimum.
wages-terms-add-heading = Add a version
wages-terms-artisan-option = { $alias } ({ $city })
wages-terms-effective-from = Effective from
wages-terms-ends-on = Last day of employment
wages-terms-basis = Pay basis
wages-terms-salary = Monthly salary or stipend, ₹
wages-terms-salary-hint = For a monthly salary or a trainee stipend; leave blank for piece rate.
wages-terms-hours = Standard hours per month
wages-terms-hours-hint = 208 = 8 hours × 26 paid days.
wages-terms-note = Note
wages-terms-submit = Save these terms

## Recording a deduction (deduction.html)
wages-deduct-heading = Record a deduction
wages-deduct-hint = Confidential: this page shows legal names; each view is recorded in the audit log. Only the deductions the wage policy lists (Code on Wages s.18) can be recorded; fines are never deducted; all deductions in a month together stay at or below half of that month's wages. Each appears with its reason on the artisan's pay slip.
wages-deduct-artisan-option = { $alias } — { $legal_name } ({ $center })
wages-deduct-kind = Kind of deduction
wages-deduct-amount = Amount withheld, ₹
wages-deduct-day = Day it applies to
wages-deduct-submit = Record the deduction

## Notices and warnings the pages' handlers show
wages-no-living-wage = { $city } has no living-wage figure: finance must enter one (Wage policy page).
wages-no-living-wage-short = { $city } has no living-wage figure: finance must enter one.
wages-notice-payout = The payout is recorded in the ledger; the balance below includes it.
wages-notice-deduction = The deduction is recorded in the ledger; it will appear with its reason on the pay slip.
wages-notice-adj-proposed = The adjustment is in the ledger. It counts only once someone else in finance or an admin approves it.
wages-notice-adj-approved = The adjustment is approved; it now counts towards the artisan's balance.
wages-notice-adj-rejected = The adjustment is rejected; it will never count towards a balance.
wages-notice-week-saved = The week is saved.
wages-no-policy = { $city } has no wage policy in force: finance must add one.
