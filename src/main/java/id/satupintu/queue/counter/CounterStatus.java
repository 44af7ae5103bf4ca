package id.satupintu.queue.counter;

public enum CounterStatus {
    CLOSED, OPEN, PAUSED
}
