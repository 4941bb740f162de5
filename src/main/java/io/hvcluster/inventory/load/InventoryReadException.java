package io.hvcluster.inventory.load;

/** The inventory file could not be read at all; the message is one line for the user, naming the file. */
public final class InventoryReadException extends Exception {

    private static final long serialVersionUID = 1L;

    InventoryReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
