namespace Raumnetz.Application.Common;

/// <summary>Size limits that are part of the API contract (enforced by validators, published in the OpenAPI document).</summary>
public static class Limits
{
    public const int Code = 50;
    public const int Name = 200;
    public const int ShortName = 50;
    public const int Email = 254;
    public const int Phone = 50;
    public const int Url = 500;
    public const int Street = 200;
    public const int PostalCode = 10;
    public const int City = 100;
    public const int Note = 4000;
    public const int Tag = 50;
    public const int Tags = 20;
    public const int Spaces = 200;
    public const int Predecessors = 20;
    public const int Search = 200;
    /// <summary>Longest accepted Idempotency-Key header value.</summary>
    public const int IdempotencyKey = 100;
    public const int Password = 200;
    public const int MinPassword = 12;
    public const int Geometry = 2_000_000;
    public const int ImportFeatures = 5_000;
    public const long MaxPopulation = 100_000_000;
    /// <summary>Default request body limit in bytes (JSON); imports have their own.</summary>
    public const long Body = 1_048_576;
    public const long ImportBody = 20 * 1_048_576;
    /// <summary>
    /// Most bytes a zipped import may unpack to, its entries together (an XLSX workbook; the CSV files of an HSDS zip):
    /// 100 MiB, five times <see cref="ImportBody"/>. A zip can hold a thousand times its size (a 1.5 MB workbook can unpack
    /// to 1.5 GB), so the body limit alone does not bound the memory an import takes. 100 MiB keeps every legitimate file:
    /// a workbook of 20,000 rows (the inventory import's most) with all 19 columns filled with 30 characters each unpacks to
    /// about 35 MiB (the XML around each cell is larger than most cells); 100 MiB leaves room for long texts and for
    /// formatting and other sheets besides. Reading that much takes a few seconds; a sheet is read row by row, so what it
    /// holds in memory grows with its texts, not with its XML.
    /// </summary>
    public const long ImportUnpacked = 100 * 1_048_576;

    /// <summary>
    /// Whether zip entries declare more than <see cref="ImportUnpacked"/> bytes together, checked before any is unpacked (the
    /// XLSX workbook, the CSV files of the HSDS zip). An entry that declares less than it holds is read only as far as it
    /// declares (System.IO.Compression stops there).
    /// </summary>
    public static bool UnpackBeyondImportLimit(IEnumerable<System.IO.Compression.ZipArchiveEntry> entries)
    {
        var total = 0L;
        foreach (var entry in entries)
        {
            if (entry.Length > ImportUnpacked - total) return true;
            total += entry.Length;
        }
        return false;
    }
    /// <summary>Highest request limit per minute an administrator may give an API key (quotas, issue 16).</summary>
    public const int RateLimitPerMinute = 100_000;
}
