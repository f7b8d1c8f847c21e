# The itemised pay slip (Code on Wages: a wage slip for every wage period), handed to the
# artisan. Amounts, hours and dates arrive formatted (src/i18n/number.rs, date.rs).

slip-title = Pay slip
slip-document-title = Pay slip — { $alias }, { $month }
slip-artisan = Artisan
slip-artisan-id = Artisan number
slip-workshop = Workshop
slip-month = Month
slip-pay-basis = Pay basis
slip-draft = Draft — { $month } is not closed yet: the figures can still change.
slip-final = Final — the month is closed.
slip-hours-heading = Hours (hours:minutes)
slip-col-kind = Kind of hours
slip-col-hours = Hours
slip-col-item = Item
slip-col-amount = Amount
slip-col-date = Date
slip-col-method = Paid by
slip-hours-overtime = of which overtime (over 8 hours a day or 48 hours a week)
slip-hours-paid = Paid hours
slip-earnings-heading = Earnings
slip-pieces =
    { $count ->
        [one] { $count } piece
       *[other] { $count } pieces
    }
slip-expected = due at month close
slip-gross = Total wages
slip-deductions-heading = Deductions
slip-no-deductions = No deductions this month.
slip-deductions-total = Total deductions
slip-net-wages = Net wages
slip-bonus-heading = Sale bonuses
slip-bonus-note = A sale bonus is a share of the sale of a piece you made. It is paid on top of your wages and never counts towards the minimum wage.
slip-sales =
    { $count ->
        [one] { $count } sale
       *[other] { $count } sales
    }
slip-no-bonus = No sale bonus this month.
slip-summary-heading = Summary
slip-net-pay = Net pay for the month (net wages and sale bonuses)
slip-balance-start = Owed to you from earlier months
slip-payments-heading = Payments made this month
slip-no-payments = No payment this month.
slip-payments-total = Total paid
slip-balance-end = Balance owed to you
slip-balance-note = A minus sign (−) means you were paid more than you had earned; it is set against your next wages.
slip-guarantee = For { $hours } paid hours (overtime counted twice) at the legal minimum of { $rate } an hour, the law guarantees you at least { $amount }.
slip-top-up-note = When the month's wages are below this, the difference is paid as the minimum-wage top-up.
slip-paid-leave = Pay for paid leave and holidays, included above: { $amount }
slip-signature = Received by (signature or thumb impression)
slip-questions = Questions about this slip? Ask your center manager or the finance team.
