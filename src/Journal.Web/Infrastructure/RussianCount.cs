using System.Globalization;

namespace Journal.Web.Infrastructure;

/// <summary>A count with the Russian plural form of its noun: «1 урок», «3 урока», «5 уроков», «11 уроков», «21 урок».</summary>
public static class RussianCount
{
    public static string Of(int n, string one, string few, string many) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {Word(n, one, few, many)}";

    /// <summary>The noun alone, for a count written apart from it.</summary>
    public static string Word(int n, string one, string few, string many)
    {
        var tens = Math.Abs(n) % 100;
        var units = tens % 10;
        return tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
    }
}
