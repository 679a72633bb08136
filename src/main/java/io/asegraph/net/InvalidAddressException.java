package io.asegraph.net;

/** A string that is not the address, block, port or protocol the caller required. The message is safe to show. */
public class InvalidAddressException extends IllegalArgumentException {
    public InvalidAddressException(String message) {
        super(message);
    }
}
