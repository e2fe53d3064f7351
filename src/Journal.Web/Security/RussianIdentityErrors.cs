using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Journal.Web.Security;

/// <summary>Identity's messages in Russian, for the ones a person can meet: registration's login and password rules.</summary>
public sealed class RussianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(CultureInfo.InvariantCulture, "Пароль короче {0} знаков.", length) };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "В пароле нужна хотя бы одна цифра." };

    public override IdentityError PasswordRequiresLower() =>
        new() { Code = nameof(PasswordRequiresLower), Description = "В пароле нужна хотя бы одна строчная буква." };

    public override IdentityError PasswordRequiresUpper() =>
        new() { Code = nameof(PasswordRequiresUpper), Description = "В пароле нужна хотя бы одна заглавная буква." };

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "В пароле нужен хотя бы один знак, не буква и не цифра." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(CultureInfo.InvariantCulture, "В пароле нужно не меньше {0} разных знаков.", uniqueChars) };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "Этот логин уже занят." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Логин — латинские буквы, цифры и знаки . _ - @ +, без пробелов." };
}
