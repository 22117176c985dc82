using Raumnetz.Domain.Common;

namespace Raumnetz.UnitTests.Domain;

public sealed class BulkIdsTests
{
    [Fact]
    public void Ids_are_version_7_with_the_clock_in_their_first_48_bits_and_never_repeat()
    {
        var at = new DateTimeOffset(2026, 11, 21, 8, 30, 0, 123, TimeSpan.Zero);
        var clock = new Clock(at);
        var ids = new BulkIds(clock);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < 2000; i++) // several blocks of random bits
        {
            if (i == 1000) clock.Advance(TimeSpan.FromMilliseconds(5));
            var id = ids.Next();
            Assert.True(seen.Add(id));
            Assert.Equal(7, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            var bytes = id.ToByteArray(bigEndian: true);
            var milliseconds = ((long)bytes[0] << 40) | ((long)bytes[1] << 32) | ((long)bytes[2] << 24) | ((long)bytes[3] << 16)
                | ((long)bytes[4] << 8) | bytes[5];
            Assert.Equal(at.AddMilliseconds(i < 1000 ? 0 : 5).ToUnixTimeMilliseconds(), milliseconds);
        }
    }

    [Fact]
    public void Ids_of_later_milliseconds_sort_after_earlier_ones_as_text()
    {
        var clock = new Clock(DateTimeOffset.UnixEpoch.AddYears(56));
        var ids = new BulkIds(clock);
        var earlier = ids.Next();
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var later = ids.Next();
        Assert.True(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0);
    }

    private sealed class Clock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;
        public override DateTimeOffset GetUtcNow() => now;
        public void Advance(TimeSpan by) => now += by;
    }
}
