package id.satupintu.queue;

public enum CounterStatus {
    CLOSED, OPEN, PAUSED
}
