using System.Security.Claims;
using FluentValidation;
using Journal.Web.Data;
using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Controllers;

[AllowAnonymous]
public sealed class AccountController(SignInManager<AppUser> signIn, IValidator<LoginForm> validator) : Controller
{
    [HttpGet("/login")]
    public IActionResult Login(string? returnUrl) =>
        View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("/login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid)
        {
            validation.Errors.ForEach(e => ModelState.AddModelError(e.PropertyName, e.ErrorMessage));
            return View(form);
        }

        var user = await signIn.UserManager.FindByNameAsync(form.Login.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, result.IsLockedOut
                ? "Слишком много неудачных попыток входа. Вход заблокирован на 15 минут."
                : "Неверный логин или пароль.");
            return View(form);
        }

        return Url.IsLocalUrl(form.ReturnUrl) ? LocalRedirect(form.ReturnUrl) : Redirect("/");
    }

    [HttpPost("/logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return Redirect("/login");
    }

    [HttpGet("/forbidden")]
    public IActionResult Forbidden()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/Error/Status.cshtml", StatusModel.For(StatusCodes.Status403Forbidden));
    }
}

public sealed class LoginForm
{
    public string Login { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<LoginForm>
    {
        public Validator()
        {
            RuleFor(x => x.Login).NotEmpty().WithMessage("Введите логин.").MaximumLength(256).WithMessage("Слишком длинный логин.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Введите пароль.").MaximumLength(256).WithMessage("Слишком длинный пароль.");
        }
    }
}

/// <summary>Claims added to the sign-in cookie: the operator flag (a platform role, not a school one).</summary>
public sealed class JournalClaimsFactory(
    UserManager<AppUser> users, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.IsOperator)
        {
            identity.AddClaim(new Claim(Policies.OperatorClaim, "true"));
        }

        return identity;
    }
}
