using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chatobuy.Inbox.Data;

public static class DataExtensions
{
    /// <summary>SQLite in the data folder (WAL), and the Data Protection key ring beside it, outside the database file.</summary>
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var dataDirectory = ResolveDataDirectory(storage, environment);
        Directory.CreateDirectory(dataDirectory);

        var connectionString = string.IsNullOrWhiteSpace(storage.ConnectionString)
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "inbox.db"), Pooling = true }.ToString()
            : storage.ConnectionString;

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton(new DataPaths(dataDirectory));
        // Interceptors registered in DI (diagnostics, fault injection in tests) join every context.
        services.AddDbContextFactory<InboxDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>()));

        services.AddDataProtection()
            .SetApplicationName("Chatobuy.Inbox")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));

        return services;
    }

    /// <summary>Applies committed migrations and switches SQLite to write-ahead logging.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }

    private static string ResolveDataDirectory(StorageOptions storage, IHostEnvironment environment)
    {
        var folder = string.IsNullOrWhiteSpace(storage.DataDirectory) ? "data" : storage.DataDirectory;
        return Path.GetFullPath(Path.IsPathRooted(folder) ? folder : Path.Combine(environment.ContentRootPath, folder));
    }
}
