package ru.parus.fulfillment.domain;

/**
 * Where a shipment is (R12, R13). Forward only: {@code CREATED -> PICKED -> PACKED -> HANDED_TO_CARRIER ->
 * READY_FOR_PICKUP -> DELIVERED | RETURNED}; {@code CANCELLED} before hand-over. {@link #rank} orders the
 * steps so that a late report of an earlier step is recognised as stale.
 */
public enum ShipmentStatus {
    CREATED(0), PICKED(1), PACKED(2), HANDED_TO_CARRIER(3), READY_FOR_PICKUP(4), DELIVERED(5), RETURNED(5),
    CANCELLED(9);

    private final int rank;

    ShipmentStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Still in the warehouse: an order cancelled now cancels the shipment. */
    public boolean inWarehouse() {
        return this == CREATED || this == PICKED || this == PACKED;
    }

    public boolean terminal() {
        return this == DELIVERED || this == RETURNED || this == CANCELLED;
    }
}
