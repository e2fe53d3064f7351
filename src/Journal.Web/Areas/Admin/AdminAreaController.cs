using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Admin;

/// <summary>Base of every controller in the Admin area: the area and its role policy in one place.</summary>
[Area("Admin")]
[Authorize(Policy = Policies.Admin)]
public abstract class AdminAreaController : Controller;
