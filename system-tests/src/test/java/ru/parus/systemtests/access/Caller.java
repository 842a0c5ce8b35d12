package ru.parus.systemtests.access;

/** Who calls an operation in the access matrix, relative to the records' owner (R22, R24). */
enum Caller {
    /** the manager who owns the customer and made the records */
    OWNER,
    /** another manager */
    OTHER,
    /** the manager deputising for the owner during the owner's absence (R22) */
    DEPUTY,
    /** the same person after the absence ended */
    DEPUTY_AFTER,
    HEAD,
    WAREHOUSE,
    /** no token */
    NONE
}
