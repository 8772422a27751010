package dev.syncdoctor.ingest;
public class InputException extends Exception {
    public InputException(String file, String message) { super(file + ": " + message); }
}
