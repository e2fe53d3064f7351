namespace Journal.Domain.Tests;

/// <summary>A clock stopped at one UTC instant.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
