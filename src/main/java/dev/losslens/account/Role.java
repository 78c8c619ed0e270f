package dev.losslens.account;

import dev.losslens.notation.Keyed;

/** What a signed-in person may do: instructors bring their own material and run classes; administrators also keep the accounts. */
public enum Role implements Keyed {
    ADMINISTRATOR,
    INSTRUCTOR;

    /** The authority Spring Security grants for the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
