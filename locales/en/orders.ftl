# The orders pages of the back office: the list and search, an order's page, the packing
# slip. Domain words follow locales/GLOSSARY.md.

orders-find = Find orders
orders-search-label = Order number, customer email or SKU
orders-payment = Payment
orders-shipping = Shipping
orders-any-status = Any status
orders-any-shipping = Any shipping state
orders-count = { $count ->
    [one] 1 order
   *[other] { $count } orders
}
orders-order = Order
orders-ships-to = Ships to
orders-placed = Placed
orders-disputed = Disputed
orders-no-match = No order matches “{ $q }”.
orders-no-match-filtered = No order matches “{ $q }” with these filters:
orders-search-all = search all orders
orders-none = No orders yet.
orders-none-in-state = No orders in this state yet.
order-status-pending_payment = Awaiting payment
order-status-paid = Paid
order-status-partially_refunded = Partly refunded
order-status-refunded = Refunded
order-status-cancelled = Cancelled
order-status-needs_review = Payment needs review
fulfilment-unfulfilled = Not shipped yet
fulfilment-packed = Packed
fulfilment-partially_shipped = Partly shipped
fulfilment-shipped = Shipped
fulfilment-delivered = Delivered
shipment-status-pending = To pack
shipment-status-packed = Packed
shipment-status-shipped = Shipped
shipment-status-delivered = Delivered

## An order's page
order-all = All orders
order-heading = Order { $reference }
order-payment-label = Payment:
order-shipping-label = Shipping:
order-placed-at = placed { $time }
order-accepted-policies = Accepted at checkout:
order-policy-version = { $title }, version { $version }
order-no-policy-version = no policy version recorded (placed before policies were versioned)
order-needs-review = A payment for this order did not match it (see the timeline) and did not count; its pieces are back on sale. Check it in the Stripe dashboard and refund what was taken.
order-parcels = Parcels
order-parcel-from = From { $city }: { $status }
order-slip-link = Packing slip for the { $city } parcel
order-shipped-with = Shipped { $date } with { $carrier }, tracking number
order-tracking-page = carrier's tracking page
order-delivered-on = Delivered { $date }.
order-mark-packed = Mark the { $city } parcel packed
order-mark-delivered = Mark the { $city } parcel delivered
order-mark-shipped = Mark the { $city } parcel shipped and email the customer
order-carrier = Carrier
order-tracking-number = Tracking number
order-not-to-pack = Not to be packed: the order's payment state is “{ $status }”.
order-subtotal = Subtotal
order-shipping-cost = Shipping ({ $option })
order-charged = Charged
order-received = Received
order-refunded = Refunded
order-tax-documents = Tax documents
order-document-of = of { $date }, { $total }
order-no-documents = None yet: the tax invoice is issued when the payment arrives.
order-ship-to = Ship to
order-disputes = Disputes
order-dispute = Dispute
order-amount = Amount
order-reason = Reason
order-evidence-due = Evidence due
order-dispute-note = A lost dispute returns the money to the cardholder from the shop's account; the artisans' wages and bonuses are never clawed back.
order-refund = Refund
order-refund-amount = Amount (leave empty to refund everything still refundable: { $refundable })
order-refund-reason = Reason (for the timeline)
order-refund-note = A refund never moves the parcels: one already shipped stays shipped; one not shipped yet is still shipped unless everything is refunded.
order-timeline = Timeline
order-when = When
order-who = Who
order-what = What

## The packing slip (printed in the customer's language)
packing-slip-title = Packing slip, order { $reference }
packing-slip-print-hint = print this page from the browser (Ctrl+P)
packing-slip-heading = Packing slip — order { $reference }
packing-slip-parcel-of = Parcel { $number } of { $count }
packing-slip-deliver-to = Deliver to
packing-slip-from = From (return address)
packing-slip-pieces-caption = Pieces in this parcel
packing-slip-piece = Piece
packing-slip-packed = Packed
packing-slip-tick = to tick by hand
packing-slip-shipping = Shipping: { $option }. Each piece is one of a kind, handmade and hallmarked; keep its certificate with it.
