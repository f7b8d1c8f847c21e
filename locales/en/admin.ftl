# The back office's shell: the layout and navigation, the dashboard, one's own account.
# Domain words follow locales/GLOSSARY.md.

# The browser tab: "Orders — fairgold back office".
admin-page-title = { $title } — fairgold back office
admin-skip-link = Skip to content
admin-tag = back office
admin-nav-label = Back office
admin-sign-out = Sign out
nav-dashboard = Dashboard
nav-orders = Orders
nav-returns = Returns
nav-pieces = Pieces
nav-import = Import
nav-artisans = Artisans
nav-approvals = Approvals
nav-wages = Wages
nav-invoices = Invoices
nav-audit = Audit log
nav-email = Email
nav-policies = Policies
nav-privacy = Privacy
nav-tokens = API tokens
nav-account = Your account
role-admin = Administrator
role-finance = Finance
role-manager = Center manager

## Words many back-office pages share
admin-workshop = Workshop
admin-both-workshops = Both workshops
admin-search = Search
admin-show = Show
admin-clear = Clear
admin-pages = Pages
admin-page-of = page { $page } of { $pages }
admin-previous-page = Previous page
admin-next-page = Next page
admin-required = (required)

## The dashboard
dashboard-title = Back office
dashboard-welcome = Welcome, { $name }
dashboard-signed-in-manager = You are signed in as Center manager for your workshop.
dashboard-signed-in-finance = You are signed in as Finance.
dashboard-signed-in-admin = You are signed in as Administrator.
dashboard-second-factor = Protect your account with a second factor:
dashboard-second-factor-link = set up an authenticator app.
dashboard-todo-heading = To do
dashboard-nothing-waits = Nothing waits for you.
dashboard-todo-parcels = { $count ->
    [one] 1 parcel
   *[other] { $count } parcels
} of paid orders to pack and ship
dashboard-todo-drafts = { $count ->
    [one] 1 draft piece
   *[other] { $count } draft pieces
} missing a photo or their makers
dashboard-todo-consent = { $count ->
    [one] 1 artisan
   *[other] { $count } artisans
} whose consent ends within 30 days: renew it with them, or what it allows leaves the shop
dashboard-todo-not-closed = { $city }, { $month }: not closed yet
dashboard-todo-close-requested = { $city }, { $month }: close requested, waiting for a second person to approve it
dashboard-todo-wages-due = { $month }'s wages still to pay by { $deadline }: { $amount } owed to { $count ->
    [one] 1 artisan
   *[other] { $count } artisans
}
dashboard-todo-exchange-rate = { $count ->
    [one] 1 paid order
   *[other] { $count } paid orders
} waiting for an exchange rate before the makers' sale bonus is posted
dashboard-todo-adjustments = { $count ->
    [one] 1 adjustment
   *[other] { $count } adjustments
} waiting for a second person's approval
dashboard-todo-disputes = { $count ->
    [one] 1 open card dispute
   *[other] { $count } open card disputes
} to answer in the Stripe dashboard
dashboard-where-heading = Where to go
dashboard-tile-orders-finance = Payments, refunds, invoices and disputes.
dashboard-tile-orders-manager = Find an order, pack and ship your workshop's parcels, print packing slips.
dashboard-tile-orders-admin = Find an order, pack and ship each workshop's parcels, print packing slips.
dashboard-tile-pieces-finance = Every piece, its price and where its money goes.
dashboard-tile-pieces = List, add, edit, publish and withdraw pieces; photos and labor.
dashboard-tile-wages = What each artisan is owed, payouts, the time register, month closes and reports.
dashboard-tile-invoices = Tax invoices and credit notes by month, with the GSTR-1 CSV.
dashboard-tile-import = Add many pieces at once from a CSV file, checked before anything is saved.
dashboard-tile-artisans-manager = Aliases, stories and consent.
dashboard-tile-artisans = Aliases, stories and consent; private records.
dashboard-tile-audit = Every change and every view of private data.
dashboard-tile-tokens = Tokens for the admin JSON API.
dashboard-wage-counts-heading = Wages by closed month
dashboard-wage-counts-hint = Each center's newest closed month: income without sale bonuses against the legal minimum and the living wage for the hours in the time register. A month counts here only once finance has closed it.
dashboard-wage-counts-closed = { $city }, { $month } (closed):
dashboard-wage-counts-below-living = { $count } of { $artisans } artisans below the living wage for their hours
dashboard-wage-counts-no-living-wage = living wage not checked: { $city } has no living-wage figure: finance must enter one (Wage policy page)
dashboard-wage-counts-below-legal = { $count } below the legal minimum.
dashboard-wage-counts-report = Center report
dashboard-wage-counts-none = { $city }: no month closed yet.

## Your account
account-title = Your account
account-preferences-heading = Language and time zone
account-preferences-intro = The language of your back-office pages, and the time zone their times are shown in. Left as they are, the language follows your browser and the time zone is your workshop's (India Standard Time for the shop).
account-language = Language
account-language-browser = As my browser asks
account-time-zone = Time zone
account-zone-center = My workshop's time zone
account-preferences-save = Save language and time zone
account-error-language = Choose one of the languages in the list.
account-error-time-zone = That is not a time zone we know. Choose one from the list, for example Asia/Kolkata.
account-notice-preferences-saved = Your language and time zone are saved.
account-notice-password-changed = Your password is changed. Your other sessions have ended.
account-notice-signed-out-others = You are signed out everywhere else.
account-password-heading = Change your password
account-password-intro = Use at least 12 characters. A few unrelated words make a strong password that is easy to type; very common passwords, and ones built from the shop's name or your email address, are refused. Your other sessions end when the password changes.
account-current-password = Current password
account-new-password = New password
account-confirm-password = The new password again
account-authenticator-code = Your authenticator code
account-password-submit = Change password
account-recovery-heading = Recovery codes
account-recovery-intro = You have { $count } unused recovery { $count ->
    [one] code
   *[other] codes
}. Each lets you sign in once without your phone. Making new ones ends the old ones: do it when few are left, when you may have lost them, or when an administrator asks you to after changing the shop's secret key.
account-recovery-submit = Make new recovery codes
account-sessions-heading = Sign out everywhere
account-sessions-intro = You are signed in on { $count } other { $count ->
    [one] browser or device
   *[other] browsers or devices
}. If you left the back office open somewhere, or think someone else may be using your account, end those sessions here.
account-sessions-others = Sign out everywhere else
account-sessions-all = Sign out everywhere, here too
admin-choose = Choose…
admin-fields-need-attention = Some fields need attention: see the message under each.
admin-total = Total

## Signing in
login-title = Sign in
login-email = Email
login-password = Password
login-error-wrong = The email or password is not right.
login-notice-setup-done = Your password is set. Sign in to continue.
login-notice-signed-out = You are signed out.
mfa-title = Authenticator code
mfa-intro = Enter the 6-digit code from your authenticator app.
mfa-code = Code
mfa-lost-phone = Lost your phone? Use a recovery code
mfa-recovery-code = Recovery code
mfa-continue = Continue
setup-title = Choose your password
setup-intro = Use at least 12 characters. A few random words make a strong password that is easy to type.
setup-confirm = The same password again
setup-submit = Set password
setup-error-mismatch = The two passwords are not the same.
enrol-title = Set up your authenticator
enrol-intro = Your account protects artisans' private records, so it needs a second factor. Scan this code with an authenticator app (for example Aegis, Google Authenticator or 1Password), then enter the 6-digit code it shows.
enrol-qr-alt = QR code for your authenticator app
enrol-type-key = Or type this key:
enrol-code = Code from the app
enrol-submit = Turn on
recovery-title = Your recovery codes
recovery-title-new = Your new recovery codes
recovery-renewed = Your earlier recovery codes no longer work. If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe: they are shown only now.
recovery-first = Your authenticator is on. If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe: they are shown only now.
recovery-continue = Continue to the back office

## Approvals of flagged public text
approvals-intro = Public text that may tell someone where or when an artisan can be found (a time, a shift, a weekday, a street or PIN code, a shelter, a phone number or an email). Read it on its page first; approve it only if it reveals nothing of the kind. The person who asked cannot approve their own request.
approvals-caption = Requests waiting for approval
approvals-text = Text
approvals-found = Screening found
approvals-asked-by = Asked by
approvals-action = Action
approvals-yours = Your request: someone else approves it
approvals-approve = Approve
approvals-approve-n = Approve request { $n }
approvals-none = Nothing is waiting for approval.
approvals-done = Approved: the text can now be published as it is.
approval-context-piece-description = Piece description
approval-context-artisan-story = Artisan's story
approval-context-other = Public text
screening-time_of_day = a time of day (shows when someone is somewhere)
screening-shift = a shift or working hours
screening-day_of_week = a day of the week
screening-place = a street, area or landmark
screening-pin_code = a PIN code
screening-shelter = a shelter or home
screening-phone = a phone number
screening-email = an email address
screening-other = something to check
