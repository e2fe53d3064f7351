namespace Journal.Domain;

/// <summary>
/// Typing in a hurry on a tablet, a teacher's keyboard may be in the Latin layout: «H», «y», «o» and «n»
/// stand in for «Н», «у», «о», «п». Input is trimmed, lower-cased and the look-alikes mapped to Cyrillic.
/// </summary>
public static class CyrillicInput
{
    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var chars = input.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                'h' => 'н',
                'y' => 'у',
                'o' => 'о',
                'n' => 'п',
                'e' => 'е',
                'c' => 'с',
                'a' => 'а',
                'p' => 'р',
                'x' => 'х',
                'k' => 'к',
                'm' => 'м',
                't' => 'т',
                'ё' => 'е',
                _ => chars[i],
            };
        }

        return new string(chars);
    }
}
