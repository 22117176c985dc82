using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;
using Raumnetz.Application.Common;
using Raumnetz.Infrastructure.Data;
using Raumnetz.Infrastructure.Webhooks;

namespace Raumnetz.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database provider from "Database:Provider", connection string from "ConnectionStrings:Raumnetz".</summary>
    /// Read when first needed (not at registration), so hosts and test factories can still add configuration.
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton(sp => ReadOptions(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<IDbConnectionFactory, DbConnectionFactory>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IPasswordHashing, Security.PasswordHashing>();
        services.AddSingleton<Security.AccountReader>();
        services.AddSingleton<Application.Exports.IExportFormats, Exports.ExportFormats>();
        services.AddSingleton<Application.InventoryImport.ISpreadsheetReader, Application.InventoryImport.CsvSpreadsheetReader>();
        services.AddSingleton<Application.InventoryImport.ISpreadsheetReader, Imports.XlsxSpreadsheetReader>();
        services.AddSingleton<Application.InventoryImport.ISpreadsheetReaders, Application.InventoryImport.SpreadsheetReaders>();
        services.AddSingleton<Application.Inventory.IInventoryExportFormats, Exports.InventoryExportFormats>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Raumnetz:Sessions").Get<Security.SessionLifetimes>() ?? new Security.SessionLifetimes());
        services.AddSingleton<Security.SessionStore>();
        services.AddSingleton<Security.AuthRevision>();
        services.AddSingleton<Security.AuthCache>();
        services.AddDataProtection().SetApplicationName("Raumnetz");
        services.AddWebhooks();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new Security.DatabaseXmlRepository(sp.GetRequiredService<IDbConnectionFactory>(), sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        var cs = configuration.GetConnectionString("Raumnetz");
        if (!string.IsNullOrWhiteSpace(cs)) options.ConnectionString = cs;
        else if (options.Provider != DatabaseProvider.Sqlite)
            throw new InvalidOperationException($"Database:Provider is {options.Provider}, but ConnectionStrings:Raumnetz is not set.");
        return options;
    }
}
