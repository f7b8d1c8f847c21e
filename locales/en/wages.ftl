# The wage vocabulary: ledger entry kinds, kinds of hour, deduction kinds, payout methods and
# pay bases, by their stored codes. Shared by the pay slip and (later) the wage pages.
# Words as in locales/GLOSSARY.md.

entry-kind-wage_earned = Piece wages
entry-kind-sale_bonus = Sale bonus
entry-kind-payout = Payment made
entry-kind-adjustment = Correction
entry-kind-adjustment_approved = Correction approved
entry-kind-adjustment_rejected = Correction refused
entry-kind-minimum_wage_top_up = Minimum-wage top-up
entry-kind-salary = Monthly salary or stipend
entry-kind-overtime_premium = Overtime pay
entry-kind-deduction = Deduction

hour-kind-production = Production
hour-kind-training = Training
hour-kind-design = Design
hour-kind-rework = Rework
hour-kind-waiting = Waiting for material
hour-kind-leave_paid = Paid leave
hour-kind-leave_unpaid = Unpaid leave
hour-kind-holiday = Holiday

# Deductions the Code on Wages (s.18) allows; never fines.
deduction-absence = Absence from duty
deduction-advance_recovery = Recovery of a wage advance
deduction-loan_recovery = Loan repayment
deduction-housing = Housing provided
deduction-amenities = Amenities and services provided
deduction-income_tax = Income tax
deduction-court_order = Court order
deduction-provident_fund = Provident fund (PF)
deduction-social_security = Social security contribution

payout-method-bank = Bank transfer
payout-method-upi = UPI
payout-method-cash = Cash

pay-basis-monthly_salary = Monthly salary
pay-basis-piece_rate = Piece rate, with the guaranteed minimum
pay-basis-trainee_stipend = Trainee stipend
pay-basis-none = No terms recorded: paid as piece rate, with the guaranteed minimum
