package id.satupintu.integration.oss;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The nested records of the receiveNIB message and answer, kept for Jackson in a native image:
 * only the resource method's own parameter and return types are registered by the build.
 */
@RegisterForReflection(targets = {ReceiveNib.class, ReceiveNib.DataNib.class, ReceiveNib.Proyek.class,
        ReceiveNib.Checklist.class, ReceiveNibAnswer.class, ReceiveNibAnswer.Body.class, OssReceiver.ItemResult.class})
final class OssJsonTypes {

    private OssJsonTypes() {
    }
}
