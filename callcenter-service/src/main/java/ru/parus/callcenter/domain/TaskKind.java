package ru.parus.callcenter.domain;

/** Why a call is due. */
public enum TaskKind {
    /** R14: a dormant customer, called by the dormant-customer script. */
    REACTIVATION,
    /** R15: an online order not paid in time. */
    UNPAID_ORDER,
    /** R13: the order is packed for the courier or waits at the pickup point. */
    ORDER_READY,
    /** R16: assigned by management. */
    ASSIGNED,
    /** R18: an inbound call was missed; call the customer back. */
    CALLBACK,
    /** R19: a case transferred to the head. */
    ESCALATION,
    /** R10: a discount above the manager's limit waits for the head. */
    DISCOUNT_APPROVAL,
    /** R25: the customer's supply of a product runs out soon; offer the same product again. */
    REPLENISHMENT
}
