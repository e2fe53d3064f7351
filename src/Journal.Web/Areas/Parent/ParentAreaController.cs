using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Parent;

/// <summary>Base of every controller in the Parent area: the area and its role policy in one place.</summary>
[Area("Parent")]
[Authorize(Policy = Policies.Parent)]
public abstract class ParentAreaController : Controller;
