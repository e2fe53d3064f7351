using System.Globalization;
using Journal.Web;
using Serilog;

Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddJournal();
    var app = builder.Build();
    if (args.Contains("migrate"))
    {
        // scripts/run.sh and the Docker migrate service: schema and demo schools, then exit.
        await app.MigrateAndSeedAsync();
        return 0;
    }

    app.UseJournal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "Journal stopped");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
