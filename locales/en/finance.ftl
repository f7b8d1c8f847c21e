# The finance staff's other back-office pages: invoices, piece costs and gold rates, privacy
# requests, the audit log and the shop's policies. Words as in locales/GLOSSARY.md.

fin-required = (required)
fin-show = Show
fin-prev-month = Previous month
fin-next-month = Next month
fin-download-csv = Download as CSV
fin-nothing-saved = Nothing was saved; please correct the fields marked below.
fin-nothing-recorded = Nothing was recorded; please correct the fields marked below.
fin-recorded-by-at = { $by }, { $at }

## Invoices and credit notes (invoices/list.html)
fin-invoices-title = Invoices
fin-invoices-heading = Invoices and credit notes, { $month }
fin-invoices-intro = Every paid order's tax invoice and every refund's credit note issued in the month (India date). Buyers are consumers (B2C): no buyer GSTIN. Credit notes count negative in the sums.
fin-invoices-month = Month (YYYY-MM)
fin-invoices-none = No invoice or credit note was issued in { $month }.
fin-invoices-count =
    { $count ->
        [one] { $count } document
       *[other] { $count } documents
    }
fin-invoices-col-document = Document
fin-invoices-col-number = Number
fin-invoices-col-date = Date
fin-invoices-col-place = Place of supply
fin-invoices-col-export = Export
fin-invoices-col-taxable = Taxable value
fin-invoices-col-cgst = CGST
fin-invoices-col-sgst = SGST
fin-invoices-col-igst = IGST
fin-invoices-col-total = Total
fin-invoices-export-yes = yes (LUT)
fin-invoices-export-no = no
fin-invoices-sum = Sum in { $currency }
fin-invoices-kind-invoice = Tax invoice
fin-invoices-kind-credit_note = Credit note

## A piece's costs (pricing/costs.html)
fin-costs-heading = Costs of { $title }
fin-costs-intro = SKU { $sku }. These figures, the makers' wages in the ledger and the day's gold rate make up "Where your money goes" on the piece's public page. Until they are saved, the page shows the makers' wages only and says the rest is not yet recorded.
fin-costs-gold-rate = Gold is valued at the latest gold rate: { $rate } a gram of fine gold ({ $date }).
fin-costs-no-gold-rate = No gold rate is recorded yet: finance records it on the Gold rates page.
fin-costs-last-saved = Last saved by { $by }, { $at }.
fin-costs-form-heading = Recorded costs, in rupees
fin-costs-stones = Stones (₹)
fin-costs-stones-hint = What the workshop paid for the stones set in the piece; 0 if it has none.
fin-costs-hallmarking = Hallmarking (₹)
fin-costs-hallmarking-hint = Testing and the BIS hallmark with its HUID at the assaying centre.
fin-costs-packing = Shipping and packing (₹)
fin-costs-packing-hint = Packing, insurance and the part of shipping the shipping charge at checkout does not cover.
fin-costs-submit = Save the costs

## Gold rates (pricing/gold_rates.html)
fin-gold-back = Wages
fin-gold-heading = Gold rates
fin-gold-intro = The price of one gram of fine (24-karat) gold on a day, as finance reads it. Each piece page shows its gold at the latest rate recorded on or before the day: net weight × the purity's share of gold × this rate. Recording a rate again for the same day corrects it; the earlier figure stays in the history below and the audit log.
fin-gold-record-heading = Record a rate
fin-gold-day = Day
fin-gold-currency = Currency
fin-gold-rate = Price of one gram of fine gold
fin-gold-rate-hint = e.g. 7812.50 (at most 2 decimal places, a point as decimal separator).
fin-gold-source = Source
fin-gold-source-hint = Where the rate was read, e.g. "IBJA 999, afternoon rate".
fin-gold-submit = Record the rate
fin-gold-recorded-heading = Recorded rates
fin-gold-caption = Recorded gold rates, most recent first, with corrections
fin-gold-col-per-gram = Per gram of fine gold
fin-gold-col-recorded = Recorded
fin-gold-col-in-force = In force
fin-gold-yes = Yes
fin-gold-corrected = No (corrected)
fin-gold-none = No gold rate recorded yet: piece pages show their makers' wages only.

## Privacy requests (privacy/index.html)
fin-privacy-heading = Privacy requests
fin-privacy-intro = Customers ask from their order's page for a copy of their data or for its erasure; both are done at once and recorded here (and in the audit log). An erasure keeps, for orders placed less than { $years } years ago, only what a tax invoice needs (name, state, postal code, country, amounts, pieces) and masks the rest; it is refused while an order is still in progress. The retention job masks orders entirely once they are { $years } years old. Customers are named here by their orders' references only.
fin-privacy-none = No request yet.
fin-privacy-col-kind = Kind
fin-privacy-col-order = Order link used
fin-privacy-col-status = Status
fin-privacy-col-received = Received
fin-privacy-col-completed = Completed
fin-privacy-col-outcome = What was done, kept and why
fin-privacy-limit = Only the { $limit } most recent are listed.

## The audit log (audit/index.html)
fin-audit-heading = Audit log
fin-audit-intro = Every staff change and every view of private data, newest first. Entries cannot be changed or deleted.
fin-audit-actor = Actor (email, or
fin-audit-actor-end = )
fin-audit-action = Action
fin-audit-entity-type = Entity type
fin-audit-from = From (UTC day)
fin-audit-to = To (UTC day, included)
fin-audit-filter = Filter
fin-audit-count =
    { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }
fin-audit-page = page { $page } of { $pages }
fin-audit-download = Download these as CSV
fin-audit-download-logged = (the download is itself logged)
fin-audit-col-when = When
fin-audit-col-actor = Actor
fin-audit-col-action = Action
fin-audit-col-entity = Entity
fin-audit-col-center = Center
fin-audit-col-ip = IP
fin-audit-col-details = Details
fin-audit-none = No entries match this filter.
fin-audit-pages = Pages
fin-audit-newer = Newer
fin-audit-older = Older

## Shop policies (policies/list.html, policies/edit.html)
fin-policies-heading = Shop policies
fin-policies-intro = The texts every public page links to in its footer, and checkout before payment: shipping, returns and refunds, privacy, terms of sale and the grievance officer (Consumer Protection (E-Commerce) Rules, 2020). Each save makes a new version; earlier versions stay readable on the public pages, and each order keeps the versions of the terms and the returns policy its buyer accepted.
fin-policies-caption = Shop policies and the version of each in effect
fin-policies-col-policy = Policy
fin-policies-col-in-effect = In effect
fin-policies-col-versions = Versions
fin-policies-col-last-saved = Last saved
fin-policies-version-since = Version { $version }, since { $date }
fin-policies-none-yet = None yet
fin-policies-public-page = Public page:
fin-policies-saving-makes = Saving makes version { $version }; the versions before it stay as they are, readable on the public page.
fin-policies-preview-heading = Preview (not saved)
fin-policies-write = Write version { $version }
fin-policies-text = Text (Markdown)
fin-policies-text-hint-headings = Headings with
fin-policies-text-hint-lists = , lists with
fin-policies-text-hint-links = , links as
fin-policies-text-hint-tables = , tables with
fin-policies-text-hint-end = . HTML is shown as text, not run; links go only to http(s), mailto or this site.
fin-policies-effective = Takes effect on
fin-policies-effective-hint = Today ({ $today }, UTC) or a later day; the version in effect until then stays on the public page.
fin-policies-preview = Preview
fin-policies-save = Save version { $version }
fin-policies-versions = Versions
fin-policies-versions-caption = Every version of this policy, newest first
fin-policies-col-version = Version
fin-policies-col-takes-effect = Takes effect
fin-policies-col-saved-by = Saved by
fin-policies-col-status = Status
fin-policies-version = Version { $version }
fin-policies-in-effect = In effect
fin-policies-scheduled = Scheduled
fin-policies-replaced = Replaced
fin-policies-no-version = No version yet.
fin-privacy-kind-export = Copy of their data
fin-privacy-kind-erasure = Erasure
fin-privacy-kind-retention = Retention job
fin-privacy-status-completed = completed
fin-privacy-status-refused = refused
