import Testing
@testable import LearnsiteContent

@Suite struct FingerprintTests {
    /// Whole blocks of sixteen, words of eight and single bytes go in differently: a change anywhere in
    /// any of them must show.
    @Test func aChangeToAnyByteChangesTheFingerprint() {
        let bytes = (0..<45).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let original = Fingerprint(bytes)
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            #expect(Fingerprint(changed) != original, "byte \(index)")
        }
        #expect(Fingerprint(bytes.dropLast()) != original && Fingerprint(bytes + [0]) != original)
        #expect(Fingerprint(bytes) == original)
    }
}
