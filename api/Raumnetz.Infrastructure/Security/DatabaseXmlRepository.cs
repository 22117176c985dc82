using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Raumnetz.Application.Common;

namespace Raumnetz.Infrastructure.Security;

/// <summary>
/// Keeps the data-protection key ring in the database, so that every API instance behind a load balancer
/// accepts the session cookies and antiforgery tokens of the others, and keys survive restarts.
/// </summary>
public sealed class DatabaseXmlRepository(IDbConnectionFactory db, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY created_at").Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        try
        {
            connection.Execute("INSERT INTO data_protection_keys (friendly_name, xml, created_at) VALUES (@friendlyName, @xml, @now)",
                new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting), now = clock.GetUtcNow() });
        }
        catch (Exception e) when (db.Dialect.IsUniqueViolation(e))
        {
            // another instance stored a key with this name at the same moment; names are key ids, so it is the same key
        }
    }
}
