using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Raumnetz.Domain.Common;

/// <summary>
/// Version-7 ids (RFC 9562: a millisecond timestamp, then random bits) for bulk imports. They have the layout of
/// <see cref="Guid.CreateVersion7()"/>, which asks the kernel for fresh random bytes on every call: a system call that
/// costs more than inserting the row. This takes the random bits from the same cryptographic source in blocks of
/// 256 ids. Within one millisecond the ids are not ordered among themselves, as with Guid.CreateVersion7.
/// Not thread-safe: one instance per import.
/// </summary>
public sealed class BulkIds(TimeProvider clock)
{
    private const int IdsPerBlock = 256;
    private readonly byte[] random = new byte[IdsPerBlock * 10];
    private int next = IdsPerBlock;

    public Guid Next()
    {
        if (next == IdsPerBlock)
        {
            RandomNumberGenerator.Fill(random);
            next = 0;
        }
        var bits = random.AsSpan(next++ * 10, 10);
        Span<byte> bytes = stackalloc byte[16];
        var milliseconds = clock.GetUtcNow().ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteInt64BigEndian(bytes, milliseconds << 16); // 48-bit timestamp in bytes 0-5
        bits.CopyTo(bytes[6..]);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // variant 10
        return new Guid(bytes, bigEndian: true);
    }
}
