import { NextResponse, type NextRequest } from "next/server";
import { PATH_HEADER } from "@/lib/auth/refusal-header";
import { env } from "@/lib/env";
import { contentSecurityPolicy } from "@/lib/security/csp";

// Sets the Content-Security-Policy at request time (next.config.ts headers are fixed at build).
// Also hands the page its own path (a request header), for the refusal page to name the page.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", contentSecurityPolicy(env()));
  return response;
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
