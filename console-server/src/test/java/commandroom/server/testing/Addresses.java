package commandroom.server.testing;

import commandroom.imports.AddressUpload;
import commandroom.v1.ImportPreview;
import commandroom.v1.StandardAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Sends a book of standard addresses to a hub as the console does (AddressUpload), as a test's user. */
public final class Addresses {

    private Addresses() {}

    /** Previews (apply false) or imports the rows; a refusal is thrown as the StatusRuntimeException. */
    public static ImportPreview send(HubClient c, List<StandardAddress> rows, String sha256, boolean apply)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        try {
            return AddressUpload.send(c.channel(), HubClient.bearer(c.login().getAccessToken()), rows, sha256,
                    "标准地址.xlsx", false, apply, 120).get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        }
    }
}
