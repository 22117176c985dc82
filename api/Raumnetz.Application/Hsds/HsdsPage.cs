using System.Text.Json.Nodes;

namespace Raumnetz.Application.Hsds;

/// <summary>
/// The HSDS page of a list: total_items, total_pages, page_number, size (the entries on this page), first_page, last_page,
/// empty (this page holds nothing) and contents. A page after the last is empty, not an error.
/// </summary>
public static class HsdsPage
{
    public static async Task<JsonObject> OfAsync(IReadOnlyList<HsdsReads.Entry> entries, HsdsParameters parameters,
        Func<IReadOnlyList<Guid>, Task<List<JsonObject>>> load)
    {
        var totalPages = (int)((entries.Count + (long)parameters.PerPage - 1) / parameters.PerPage);
        var skip = (long)(parameters.Page - 1) * parameters.PerPage;
        var ids = skip >= entries.Count ? [] : entries.Skip((int)skip).Take(parameters.PerPage).Select(e => e.Id).ToList();
        var contents = ids.Count == 0 ? [] : await load(ids);
        return new JsonObject
        {
            ["total_items"] = entries.Count,
            ["total_pages"] = totalPages,
            ["page_number"] = parameters.Page,
            ["size"] = contents.Count,
            ["first_page"] = parameters.Page == 1,
            ["last_page"] = parameters.Page >= totalPages,
            ["empty"] = contents.Count == 0,
            ["contents"] = HsdsJson.Array(contents),
        };
    }
}
