# The customer's emails (templates/email/*, src/email): subjects, greetings, labels, buttons.
# Staff alerts stay in English with the back office. A language gets customer emails once it
# has its own email.ftl with every key below (i18n::email_languages).

email-subject-order-confirmation = Your { $shop } order { $reference } is confirmed
email-subject-shipped = Your { $shop } order { $reference } is on its way
email-subject-refunded = A refund for your { $shop } order { $reference }
email-subject-payment-failed = Your { $shop } order { $reference } was not paid
email-subject-piece-unavailable = We are sorry: your { $shop } order { $reference } could not be completed

email-hello = Hello { $name },
email-thanks = Thank you for your order, { $name }.
email-good-news = Good news, { $name }:
email-sorry = We are very sorry

email-subtotal = Subtotal
email-shipping = Shipping ({ $option })
email-total = Total
email-charged = Charged in your currency
email-shipping-to = Shipping to
email-carrier = Carrier
email-tracking-number = Tracking number

email-button-follow-order = Follow your order
email-follow-order-here = Follow your order here:
email-invoice-link = Your tax invoice, to print or save as PDF:
email-open-link = Or open this link:
email-keep-link = Keep this email: anyone with the link can see your order's status.
email-button-track-parcel = Track the parcel on { $carrier }'s site
email-track-parcel = Track the parcel:
email-button-see-piece = See { $title }
email-questions = Questions or a complaint:

# Returns (src/returns): one email per step of a return request.
email-subject-return-update = Your return for { $shop } order { $reference }
email-return-title = Your return for order { $reference }
email-return-pieces = Pieces in this return:
email-return-message = Our message:
email-return-requested = We have received your request to return pieces of order { $reference }. The workshop that made them will reply within a few working days; please do not send anything before we approve the return.
email-return-approved = Your return for order { $reference } is approved. Please send the pieces back insured, in their packaging, with the order reference inside the parcel. We refund once the workshop has received and checked them.
email-return-declined = We are sorry: we cannot accept the return you asked for on order { $reference }.
email-return-received = The workshop has received the pieces you sent back from order { $reference }. Our finance team makes the refund next; you will get an email when it is on its way.
email-return-closed = Your return for order { $reference } is closed without a refund.
