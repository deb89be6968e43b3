import { NextResponse } from 'next/server';

/** The demo algorithm's endpoint: it returns its input. */
export async function POST(request: Request) {
  const body = await request.text();
  try {
    return NextResponse.json(JSON.parse(body));
  } catch {
    return NextResponse.json(body);
  }
}
