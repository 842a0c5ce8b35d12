package ru.parus.notification.domain;

/** What a message is for; each kind has its templates under {@code templates/<KIND>/<CHANNEL>.txt}. */
public enum MessageKind {
    /** R13: the order is assembled (courier) or waits at the pickup point, with payment and delivery details. */
    ORDER_READY,
    /** R15: an online order is unpaid; carries the payment link. */
    PAYMENT_REMINDER,
    /** R25: the customer's supply of a product runs out soon: order again or reply. */
    REPLENISHMENT_REMINDER,
    /** R11: some of the customer's bonus points expire soon, with the date and the balance. */
    BONUS_POINTS_EXPIRING,
    /** R11: a promotion decided by management; only to customers who consented to the channel; by campaign. */
    PROMOTION,
    /** R21: a manager's own text (reference information, a notice). */
    FREE_TEXT
}
