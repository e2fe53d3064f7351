namespace Journal.Web.Data.Seed;

/// <summary>Placeholder until the demo generator lands.</summary>
public sealed class DemoSeeder
{
    public Task SeedAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
